/**
 * Demo data, so that a new user can try the whole loop: contracts as web banking knows them
 * (three already holding an ACTIVE token), vendor stock imported through the same OATH CSV path
 * as a real delivery, and a demo terminal 001-01 with an enrolment code and an allotment.
 */
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { inTransaction } from './database';
import { putContracts, type ContractInput } from './head-office';
import { takeRevisions } from './clock';
import { allot, importSeeds } from './stock';
import { issueEnrolmentCode } from './terminals';

const PEOPLE: [string, string][] = [
  ['山田　太郎', 'ヤマダ　タロウ'],
  ['佐藤　花子', 'サトウ　ハナコ'],
  ['鈴木　一郎', 'スズキ　イチロウ'],
  ['高橋　美咲', 'タカハシ　ミサキ'],
  ['田中　健', 'タナカ　ケン'],
  ['伊藤　由美', 'イトウ　ユミ'],
  ['渡辺　翔太', 'ワタナベ　ショウタ'],
  ['中村　さくら', 'ナカムラ　サクラ'],
];
export const DEMO_TERMINAL = { branchCode: '001', terminalNo: '01' };
const DEMO_TOKENS = 40;
const DEMO_ALLOTMENT = 20;
const HOLDING = 3;

const demoSerial = (i: number) => `DM${String(i).padStart(10, '0')}`;

export async function demoSeed(pool: pg.Pool, masterKey: Buffer) {
  const contracts: ContractInput[] = PEOPLE.map(([nameKanji, nameKana], i) => ({
    contractId: `DEMO${String(i + 1).padStart(4, '0')}`,
    nameKanji,
    nameKana,
    featurePhone: i % 3 === 2,
    account: { branchCode: DEMO_TERMINAL.branchCode, subject: '01', number: String(1_000_001 + i * 1111) },
  }));
  await putContracts(pool, contracts);
  const already = await pool.query('SELECT 1 FROM tokens WHERE serial = $1', [demoSerial(1)]);
  if (!already.rowCount) {
    const csv = ['serial,secret,type,digits,step,hash', ...Array.from({ length: DEMO_TOKENS }, (_, i) => `${demoSerial(i + 1)},${randomBytes(20).toString('hex')},totp,6,30,sha1`)].join('\n');
    await importSeeds(pool, masterKey, { fileName: 'demo-tokens.csv', content: csv });
    await holdTokens(pool, contracts.slice(0, HOLDING).map((c, i) => [c.contractId, demoSerial(DEMO_TOKENS - i)]));
  }
  const code = await issueEnrolmentCode(pool, DEMO_TERMINAL.branchCode, DEMO_TERMINAL.terminalNo);
  const free = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM tokens WHERE state = 'IN_STOCK' AND terminal_id IS NULL AND secret_enc IS NOT NULL`);
  const allotted = Math.min(DEMO_ALLOTMENT, free.rows[0]!.n);
  if (allotted > 0) await allot(pool, { terminalId: code.terminalId, count: allotted });
  return { contracts: contracts.length, tokens: DEMO_TOKENS, terminalId: code.terminalId, enrolmentCode: code.code, allotted };
}

/** Contracts that registered a token before madoguchi: ACTIVE, issued by no terminal the core knows. */
async function holdTokens(pool: pg.Pool, pairs: [string, string][]) {
  await inTransaction(pool, async (tx) => {
    let rev = await takeRevisions(tx, 2 * pairs.length);
    for (const [contractId, serial] of pairs) {
      await tx.query(`UPDATE tokens SET state = 'ACTIVE', contract_id = $2, updated_at = now(), rev = $3 WHERE serial = $1`, [serial, contractId, rev++]);
      await tx.query('UPDATE contracts SET current_serial = $2, updated_at = now(), rev = $3 WHERE contract_id = $1', [contractId, serial, rev++]);
    }
  });
}
