import type { MadoguchiApi } from '../services/contract';

declare global {
  interface Window {
    /** Defined by the host before the app starts (preload in Electron, host-bridge.js in browser mode). */
    madoguchi: MadoguchiApi;
  }
}

export {};
