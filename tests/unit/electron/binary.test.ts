import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { electronBinary } from '../../../electron/binary';

let pkg: string;
beforeEach(() => {
  pkg = mkdtempSync(join(tmpdir(), 'madoguchi-electron-pkg-'));
});
afterEach(() => rmSync(pkg, { recursive: true, force: true }));

describe('where Electron’s executable is, if anywhere', () => {
  it('is none when the package never downloaded its binary (no path.txt), as on these machines', () => {
    expect(electronBinary(pkg, {})).toBeNull();
  });

  it('is none when path.txt names a file that is not there', () => {
    writeFileSync(join(pkg, 'path.txt'), 'electron');
    expect(electronBinary(pkg, {})).toBeNull();
  });

  it('is the file path.txt names in dist/, or in ELECTRON_OVERRIDE_DIST_PATH', () => {
    writeFileSync(join(pkg, 'path.txt'), 'electron\n');
    mkdirSync(join(pkg, 'dist'));
    writeFileSync(join(pkg, 'dist', 'electron'), '');
    expect(electronBinary(pkg, {})).toBe(join(pkg, 'dist', 'electron'));
    const elsewhere = join(pkg, 'elsewhere');
    expect(electronBinary(pkg, { ELECTRON_OVERRIDE_DIST_PATH: elsewhere })).toBeNull();
    mkdirSync(elsewhere);
    writeFileSync(join(elsewhere, 'electron'), '');
    expect(electronBinary(pkg, { ELECTRON_OVERRIDE_DIST_PATH: elsewhere })).toBe(join(elsewhere, 'electron'));
  });
});
