import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The text of a PDF as poppler's pdftotext reads it (layout kept), for assertions on printed words. */
export function pdfText(pdf: Buffer | string): string {
  const dir = mkdtempSync(join(tmpdir(), 'madoguchi-pdf-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, typeof pdf === 'string' ? Buffer.from(pdf, 'base64') : pdf);
    const run = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`pdftotext failed: ${run.stderr}`);
    return run.stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
