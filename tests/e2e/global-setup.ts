import { requireSystemTools } from '../support/system-tools';

/** Playwright's global setup: Chromium to drive, pdftotext to read documents back. */
export default function globalSetup(): void {
  requireSystemTools(['chromium', 'pdftotext']);
}
