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
    // A return list of many tokens is long text: more room than spawnSync's 1 MB.
    const run = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    // Whatever went wrong is said: the spawn error (ENOENT, EAGAIN, ENOBUFS…), the signal, or the exit code with stderr.
    if (run.error) throw new Error(`pdftotext could not run: ${run.error.message}`, { cause: run.error });
    if (run.status !== 0) {
      const how = run.signal ? `killed by ${run.signal}` : `exit code ${run.status}`;
      throw new Error(`pdftotext failed (${how}): ${run.stderr.trim() || '(nothing on stderr)'}`);
    }
    return run.stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
