/**
 * `npm run recover-manager -- --data-dir DIR --operator ID [--name 氏名] [--key-file FILE]`: when
 * no manager can log in, unlocks a manager (or creates one) with a temporary password printed once.
 * madoguchi must not be running on the folder; the key file must be this ledger's (README).
 */
import { existsSync, readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DataFolderInUse, lockDataFolder } from '../db/instance-lock';
import { openDatabase } from '../db/open';
import { SecretBox } from '../db/sealed-secret';
import { DomainError } from '../domain/errors';
import { DB_FILE } from './app';
import { recoverManager, RecoveryRefused } from './recover-manager';

const USAGE = 'usage: npm run recover-manager -- --data-dir DIR --operator ID [--name 氏名] [--key-file FILE]';

function fail(message: string, code = 1): never {
  console.error(`madoguchi: ${message}`);
  process.exit(code);
}

const { values } = parseArgs({
  options: { 'data-dir': { type: 'string' }, operator: { type: 'string' }, name: { type: 'string' }, 'key-file': { type: 'string' } },
});
const dataDir = values['data-dir'];
if (!dataDir || !values.operator) fail(USAGE, 2);
const file = join(dataDir, DB_FILE);
if (!existsSync(file)) fail(`${file} がありません。--data-dir に madoguchi のデータフォルダを指定してください。`);
const keyFile = values['key-file'] ?? join(dataDir, 'madoguchi.key');
// Read, never created: a new key would prove nothing.
if (!existsSync(keyFile)) fail(`鍵ファイル ${keyFile} がありません。--key-file でこの端末のデータ鍵のファイルを指定してください。`);
const key = Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'base64');
if (key.length !== 32) fail(`鍵ファイル ${keyFile} が壊れています（32バイトの鍵ではありません）。`);

let lock: { release(): void };
try {
  lock = lockDataFolder(dataDir);
} catch (e) {
  if (e instanceof DataFolderInUse) fail('madoguchi がこのデータフォルダを使用中です。madoguchi を終了してから実行してください。');
  throw e;
}
const db = openDatabase(file);
try {
  const r = recoverManager(db, new SecretBox(key), { operatorId: values.operator, ...(values.name ? { name: values.name } : {}), osUser: userInfo().username, now: new Date() });
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
