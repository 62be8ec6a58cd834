/**
 * Sandboxed preload: exposes window.madoguchi with one method per channel, each bound to
 * its own IPC channel (never a generic invoke). Bundled to one CommonJS file.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { MadoguchiApi } from '../services/contract';
import { apiOver, IPC_PREFIX } from '../services/channels';

const api: MadoguchiApi = apiOver((channel, req) => ipcRenderer.invoke(IPC_PREFIX + channel, req));
contextBridge.exposeInMainWorld('madoguchi', api);
