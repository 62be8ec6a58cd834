// Builds everything `npm start` and the end-to-end tests run: the renderer (Vite), the
// launcher with browser mode, the browser bridge, the Electron main and preload, and the
// find-by-OTP worker (esbuild).
import { build as viteBuild } from 'vite';
import { build as esbuild } from 'esbuild';

await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });

/** @type {import('esbuild').BuildOptions} */
const node = { bundle: true, platform: 'node', target: 'node20', packages: 'external', logLevel: 'warning' };
await Promise.all([
  esbuild({ ...node, entryPoints: ['electron/launch.ts'], outfile: 'dist/launch.mjs', format: 'esm' }),
  esbuild({ ...node, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.mjs', format: 'esm' }),
  // Find-by-OTP runs in a worker thread of both hosts (services/otp-search.ts).
  esbuild({ ...node, entryPoints: ['services/otp-search-worker.ts'], outfile: 'dist/otp-search-worker.mjs', format: 'esm' }),
  // A sandboxed preload may only require('electron'): everything else is bundled in.
  esbuild({ bundle: true, platform: 'node', format: 'cjs', external: ['electron'], entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs', logLevel: 'warning' }),
  esbuild({ bundle: true, platform: 'browser', format: 'iife', target: 'es2022', entryPoints: ['browser/bridge.ts'], outfile: 'dist/host-bridge.js', logLevel: 'warning' }),
]);
console.log('madoguchi: build done (dist/)');
