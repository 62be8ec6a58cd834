/**
 * Sandboxed preload: exposes window.madoguchi with one method per channel, each bound to
 * its own IPC channel (never a generic invoke). Bundled to one CommonJS file.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS, IPC_PREFIX } from '../services/channels';

const api = Object.fromEntries(CHANNELS.map((c) => [c, (req: unknown) => ipcRenderer.invoke(IPC_PREFIX + c, req)]));
contextBridge.exposeInMainWorld('madoguchi', api);
