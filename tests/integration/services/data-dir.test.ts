import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { secureDataFolder, sidFromWhoami, windowsAclCommands, type Command } from '../../../services/data-dir';
import { CannotStart } from '../../../services/start-refusal';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'madoguchi-folder-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const mode = (path: string) => statSync(path).mode & 0o777;
const asRoot = process.getuid?.() === 0;

describe('the data folder is its user’s alone, whatever was there before', () => {
  it('makes a new folder, and its parents, for the user only, and says nothing', () => {
    const dir = join(root, 'terminal', 'data');
    expect(secureDataFolder(dir)).toEqual([]);
    expect(mode(dir)).toBe(0o700);
  });

  it('narrows a folder of the user’s that others could open, with all in it, and says so once', () => {
    const dir = join(root, 'data');
    mkdirSync(join(dir, 'logs'), { recursive: true });
    writeFileSync(join(dir, 'madoguchi.sqlite'), 'ledger');
    writeFileSync(join(dir, 'logs', 'errors.log'), '{}');
    chmodSync(dir, 0o755);
    chmodSync(join(dir, 'logs'), 0o775);
    chmodSync(join(dir, 'madoguchi.sqlite'), 0o644);
    chmodSync(join(dir, 'logs', 'errors.log'), 0o666);

    const said = secureDataFolder(dir);
    expect(said).toHaveLength(1);
    expect(said[0]).toContain(`データフォルダ（${dir}）はほかのユーザーも開ける設定だったため`);
    expect(said[0]).toContain('ほかのユーザーが中身を読めた可能性があります');
    expect([dir, join(dir, 'logs')].map(mode)).toEqual([0o700, 0o700]);
    expect([join(dir, 'madoguchi.sqlite'), join(dir, 'logs', 'errors.log')].map(mode)).toEqual([0o600, 0o600]);
    expect(secureDataFolder(dir)).toEqual([]);
  });

  it('narrows a loose file inside a closed folder without news (no one could reach it)', () => {
    const dir = join(root, 'data');
    mkdirSync(dir, { mode: 0o700 });
    writeFileSync(join(dir, 'madoguchi.lock'), '', { mode: 0o644 });
    expect(secureDataFolder(dir)).toEqual([]);
    expect(mode(join(dir, 'madoguchi.lock'))).toBe(0o600);
  });

  it('refuses a symbolic link inside, and a path that is not a folder', () => {
    const dir = join(root, 'data');
    mkdirSync(dir, { mode: 0o700 });
    symlinkSync('/etc/hostname', join(dir, 'madoguchi.sqlite'));
    expect(() => secureDataFolder(dir)).toThrow(CannotStart);
    expect(() => secureDataFolder(dir)).toThrow('中の「madoguchi.sqlite」がほかの場所を指すシンボリックリンクです');
    writeFileSync(join(root, 'file'), '');
    expect(() => secureDataFolder(join(root, 'file'))).toThrow();
  });

  it.runIf(asRoot)('refuses a folder made by another user, or one holding another user’s file, and changes nothing', () => {
    const theirs = join(root, 'theirs');
    mkdirSync(theirs, { mode: 0o755 });
    chownSync(theirs, 65534, 65534);
    expect(() => secureDataFolder(theirs)).toThrow(`データフォルダ（${theirs}）を使えません: フォルダが別のユーザー（uid 65534）のものです`);
    expect(mode(theirs)).toBe(0o755);

    const mine = join(root, 'mine');
    mkdirSync(mine, { mode: 0o700 });
    writeFileSync(join(mine, 'madoguchi.sqlite'), 'planted', { mode: 0o644 });
    chownSync(join(mine, 'madoguchi.sqlite'), 65534, 65534);
    expect(() => secureDataFolder(mine)).toThrow('中の「madoguchi.sqlite」が別のユーザー（uid 65534）のものです');
  });
});

describe('on Windows (the commands are built and run here against a stand-in; their effect is untested without Windows)', () => {
  const SID = 'S-1-5-21-3623811015-3361044348-30300820-1013';

  it('gives the folder its own ACL: prior grants reset, inheritance removed, the user and SYSTEM with full control passed to every file', () => {
    expect(windowsAclCommands('C:\\Users\\teller\\AppData\\Roaming\\madoguchi', SID)).toEqual([
      { file: 'icacls', args: ['C:\\Users\\teller\\AppData\\Roaming\\madoguchi', '/reset', '/T', '/C', '/Q'] },
      {
        file: 'icacls',
        args: ['C:\\Users\\teller\\AppData\\Roaming\\madoguchi', '/inheritance:r', '/grant:r', `*${SID}:(OI)(CI)F`, '*S-1-5-18:(OI)(CI)F', '/Q'],
      },
    ]);
  });

  it('finds the user’s SID in whoami’s answer, whatever the account’s name', () => {
    expect(sidFromWhoami(`"madoguchi-pc\\窓口 花子","${SID}"\r\n`)).toBe(SID);
    expect(() => sidFromWhoami('ERROR: access denied')).toThrow('whoami did not name a SID');
  });

  it('runs whoami, then both icacls commands in order, with no POSIX mode change', () => {
    const dir = join(root, 'data');
    const ran: Command[] = [];
    const run = (c: Command) => {
      ran.push(c);
      return c.file === 'whoami' ? `"pc\\teller","${SID}"` : '';
    };
    expect(secureDataFolder(dir, { platform: 'win32', run })).toEqual([]);
    expect(ran).toEqual([{ file: 'whoami', args: ['/user', '/fo', 'csv', '/nh'] }, ...windowsAclCommands(dir, SID)]);
  });

  it('refuses to start when icacls fails, saying why', () => {
    const run = (c: Command) => {
      if (c.file === 'icacls') throw new Error('Access is denied.');
      return `"pc\\teller","${SID}"`;
    };
    expect(() => secureDataFolder(join(root, 'data'), { platform: 'win32', run })).toThrow('アクセス権を設定できませんでした（Access is denied.）');
  });
});
