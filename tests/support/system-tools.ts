/**
 * The system programs the tests drive, checked once before a run: a machine without one gets one
 * line saying what to install, not a failure per test that needs it.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';

/** Debian's Chromium (Playwright cannot download its own here); CHROMIUM_PATH points elsewhere. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

type Tool = 'pdftotext' | 'chromium';

const TOOLS: Record<Tool, { package: string; present: () => boolean }> = {
  // Receipts are read back as text (tests/support/pdf-text.ts).
  pdftotext: { package: 'poppler-utils', present: () => !spawnSync('pdftotext', ['-v']).error },
  chromium: {
    package: 'chromium',
    present: () => {
      try {
        accessSync(CHROMIUM_PATH, constants.X_OK);
        return true;
      } catch {
        return false;
      }
    },
  },
};

/**
 * Ends the run with one line unless every tool is there. It exits rather than throws: the test
 * runners would print a stack and "no test files found" under the line.
 */
export function requireSystemTools(tools: readonly Tool[]): void {
  const missing = tools.filter((tool) => !TOOLS[tool].present());
  if (missing.length === 0) return;
  const what = missing.map((tool) => (tool === 'chromium' ? `chromium (${CHROMIUM_PATH})` : tool)).join('、');
  console.error(`madoguchi: ${what} がありません: apt-get install -y ${missing.map((tool) => TOOLS[tool].package).join(' ')}`);
  process.exit(1);
}

/** Vitest's global setup: the integration tests read receipts with pdftotext. */
export function setup(): void {
  requireSystemTools(['pdftotext']);
}
