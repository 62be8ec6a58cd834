import { execFileSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { CannotStart } from './start-refusal';

/**
 * Where the ledger lives: --data-dir, else MADOGUCHI_DATA_DIR, else the user's data folder
 * (the same place Electron's app.getPath('userData') points to for this app).
 */
export function resolveDataDir(argv: string[], env: NodeJS.ProcessEnv = process.env, userDataDir?: string): string {
  const i = argv.indexOf('--data-dir');
  const fromArg = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--data-dir='))?.slice('--data-dir='.length);
  if (fromArg) return fromArg;
  if (env.MADOGUCHI_DATA_DIR) return env.MADOGUCHI_DATA_DIR;
  if (userDataDir) return userDataDir;
  if (process.platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'madoguchi');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'madoguchi');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'madoguchi');
}

export function optionValue(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

export interface Command {
  file: string;
  args: string[];
}

const SYSTEM_SID = 'S-1-5-18';

/**
 * Windows: the folder's own ACL. The reset drops whatever was granted on the folder or its files
 * before (each file then inherits from the folder); removing inheritance drops what the parent
 * folder grants; the grants leave the user and SYSTEM alone, with full control, passed on to
 * every file and subfolder. Users by SID, so that a localised Windows names them the same.
 */
export function windowsAclCommands(dir: string, userSid: string): Command[] {
  return [
    { file: 'icacls', args: [dir, '/reset', '/T', '/C', '/Q'] },
    { file: 'icacls', args: [dir, '/inheritance:r', '/grant:r', `*${userSid}:(OI)(CI)F`, `*${SYSTEM_SID}:(OI)(CI)F`, '/Q'] },
  ];
}

export const WHOAMI_USER: Command = { file: 'whoami', args: ['/user', '/fo', 'csv', '/nh'] };

/** The SID in `whoami /user /fo csv /nh`'s one line: "pc\user","S-1-5-21-…". */
export function sidFromWhoami(output: string): string {
  const sid = /"(S-1-[\d-]+)"/.exec(output)?.[1];
  if (!sid) throw new Error(`whoami did not name a SID: ${output.trim()}`);
  return sid;
}

const runCommand = (c: Command) => execFileSync(c.file, c.args, { encoding: 'utf8', windowsHide: true, stdio: ['ignore', 'pipe', 'pipe'] });

const refused = (dir: string, why: string) =>
  new CannotStart(`データフォルダ（${dir}）を使えません: ${why}。この PC のユーザーが自分で作ったフォルダを --data-dir で指定するか、管理者に確認してください。`);

/**
 * The data folder is its user's alone, whatever was there before. A new folder is made 0700;
 * one that exists must be a folder of this user's, with nothing in it that belongs to another user
 * or points elsewhere (a symbolic link); what others could read or write is narrowed to the user
 * (folders 0700, files 0600) and said, since it may have been read already. On Windows the folder
 * gets its own ACL (windowsAclCommands). Returns what the host should tell the person at the PC.
 */
export function secureDataFolder(dir: string, os: { platform: NodeJS.Platform; uid?: number; run: (c: Command) => string } = { platform: process.platform, uid: process.getuid?.(), run: runCommand }): string[] {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (!statSync(dir).isDirectory()) throw refused(dir, 'フォルダではありません');
  if (os.platform === 'win32') {
    try {
      for (const c of windowsAclCommands(dir, sidFromWhoami(os.run(WHOAMI_USER)))) os.run(c);
    } catch (e) {
      throw refused(dir, `アクセス権を設定できませんでした（${(e as Error).message.trim()}）`);
    }
    return [];
  }
  let opened = false;
  const visit = (path: string, inside: string | null) => {
    const what = inside === null ? 'フォルダ' : `中の「${inside}」`;
    const st = inside === null ? statSync(path) : lstatSync(path);
    if (st.isSymbolicLink()) throw refused(dir, `${what}がほかの場所を指すシンボリックリンクです`);
    if (os.uid !== undefined && st.uid !== os.uid) throw refused(dir, `${what}が別のユーザー（uid ${st.uid}）のものです`);
    if ((st.mode & 0o077) !== 0) {
      chmodSync(path, st.isDirectory() ? 0o700 : 0o600);
      if (inside === null) opened = true;
    }
    if (st.isDirectory()) for (const entry of readdirSync(path)) visit(join(path, entry), inside === null ? entry : `${inside}/${entry}`);
  };
  visit(dir, null);
  // Inside a folder closed to others a file's own mode reaches no one (SQLite makes its files by the umask): narrowed, not news.
  return opened
    ? [`データフォルダ（${dir}）はほかのユーザーも開ける設定だったため、フォルダと中のファイルをこの PC のユーザーだけが使えるようにしました。それまでにほかのユーザーが中身を読めた可能性があります。`]
    : [];
}
