/**
 * `npm run recover-manager -- --data-dir DIR --operator ID [--name 氏名] [--key-file FILE | --passphrase]`:
 * when no manager can log in, unlocks a manager (or creates one) with a temporary password printed
 * once. madoguchi must not be running on the folder; the data key comes from the key file or from
 * the recovery passphrase, typed without echo (README).
 */
import { existsSync, readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DataFolderInUse, lockDataFolder } from '../db/instance-lock';
import { openDatabase } from '../db/open';
import { DomainError } from '../domain/errors';
import { DB_FILE } from './app';
import { recoverManager, RecoveryRefused, type KeyProof } from './recover-manager';

const USAGE = 'usage: npm run recover-manager -- --data-dir DIR --operator ID [--name 氏名] [--key-file FILE | --passphrase]';

function fail(message: string, code = 1): never {
  console.error(`madoguchi: ${message}`);
  process.exit(code);
}

/** One line from the terminal, not shown as it is typed; from a pipe, the first line. */
function readHidden(prompt: string): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) return new Promise((resolve) => input.once('data', (d: Buffer) => resolve(d.toString('utf8').split(/\r?\n/u)[0] ?? '')));
  process.stdout.write(prompt);
  input.setRawMode(true);
  return new Promise((resolve) => {
    let typed = '';
    const onData = (d: Buffer) => {
      for (const ch of d.toString('utf8')) {
        if (ch === '\r' || ch === '\n') {
          input.setRawMode(false);
          input.off('data', onData);
          input.pause();
          process.stdout.write('\n');
          resolve(typed);
          return;
        }
        if (ch === '\u0003') fail('中止しました。', 130);
        typed = ch === '\u007f' ? typed.slice(0, -1) : typed + ch;
      }
    };
    input.on('data', onData);
  });
}

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    operator: { type: 'string' },
    name: { type: 'string' },
    'key-file': { type: 'string' },
    passphrase: { type: 'boolean' },
  },
});
const dataDir = values['data-dir'];
if (!dataDir || !values.operator) fail(USAGE, 2);
const file = join(dataDir, DB_FILE);
if (!existsSync(file)) fail(`${file} がありません。--data-dir に madoguchi のデータフォルダを指定してください。`);
const keyFile = values['key-file'] ?? join(dataDir, 'madoguchi.key');
if (!values.passphrase && !existsSync(keyFile)) {
  fail(`鍵ファイル ${keyFile} がありません。--key-file で鍵ファイルを指定するか、--passphrase で復元用パスフレーズを入力してください。`);
}

let lock: { release(): void };
try {
  lock = lockDataFolder(dataDir);
} catch (e) {
  if (e instanceof DataFolderInUse) fail('madoguchi がこのデータフォルダを使用中です。madoguchi を終了してから実行してください。');
  throw e;
}
const db = openDatabase(file);
try {
  let proof: KeyProof;
  if (values.passphrase) {
    proof = { kind: 'passphrase', passphrase: await readHidden('復元用パスフレーズ: ') };
  } else {
    // Read, never created: a new key would prove nothing.
    const key = Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'base64');
    if (key.length !== 32) fail(`鍵ファイル ${keyFile} が壊れています（32バイトの鍵ではありません）。`);
    proof = { kind: 'key file', key };
  }
  const r = await recoverManager(db, proof, { operatorId: values.operator, ...(values.name ? { name: values.name } : {}), osUser: userInfo().username, now: new Date() });
  console.log(r.created ? `役席者 ${r.operatorId} を作成しました。` : `役席者 ${r.operatorId} のロックを解除し、パスワードを再設定しました。`);
  console.log(`仮パスワード: ${r.temporaryPassword}`);
  console.log('madoguchi を起動してこのIDと仮パスワードでログインし、表示される画面で新しいパスワードに変更してください。この操作は記録に「役席者の復旧（端末のコマンド）」として残りました。');
} catch (e) {
  if (e instanceof RecoveryRefused || e instanceof DomainError) fail(e.message);
  throw e;
} finally {
  db.close();
  lock.release();
}
