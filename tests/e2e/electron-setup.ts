import { requireSystemTools } from '../support/system-tools';
import { electronToDrive, noElectron } from './electron-app';

/**
 * The Electron suite's global setup: Electron to launch (else one line and exit 1, not a failure
 * per test), pdftotext to read documents back, and the app built when it runs from dist/.
 */
export default async function globalSetup(): Promise<void> {
  const electron = electronToDrive();
  if (!electron) {
    console.error(noElectron());
    process.exit(1);
  }
  requireSystemTools(['pdftotext']);
  if (!electron.packaged) await import('../../scripts/build.mjs');
}
