import type { Db } from './db';
import type { SecretBox } from './sealed-secret';

/** The contexts customer data is sealed under (bound as additional data). */
export const sealContext = {
  contract: (ref: string) => `contract:${ref}`,
  receipt: (receiptNo: string) => `receipt:${receiptNo}`,
  outbox: (seq: number) => `outbox:${seq}`,
};

type OldContract = {
  contract_ref: string;
  name_kanji: string;
  name_kana: string;
  account_branch: string;
  account_subject: string;
  account_number: string;
};

/**
 * Migration 7 on a ledger written before it: every contract moves to its keyed reference with its
 * details sealed (the tokens follow), every stored receipt and outbox message is sealed. Journal
 * entries are chained and are never rewritten: those written before keep what they hold.
 */
export function sealAtRest(db: Db, box: SecretBox | undefined): void {
  const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  const rows = count('contracts') + count('receipts') + count('outbox');
  if (rows > 0 && !box) throw new Error('migration 7 needs the data key to seal the customer data already in the ledger');
  if (box) {
    // A contract's key changes under its tokens' feet: the foreign keys are checked at commit.
    db.pragma('defer_foreign_keys = ON');
    const contracts = db.prepare('SELECT contract_ref, name_kanji, name_kana, account_branch, account_subject, account_number FROM contracts').all() as OldContract[];
    const moveContract = db.prepare('UPDATE contracts SET contract_ref = ?, details_enc = ? WHERE contract_ref = ?');
    const moveTokens = db.prepare('UPDATE tokens SET contract_ref = ? WHERE contract_ref = ?');
    for (const c of contracts) {
      const ref = box.contractRef(c.contract_ref);
      const details = {
        contractId: c.contract_ref,
        nameKanji: c.name_kanji,
        nameKana: c.name_kana,
        accountBranch: c.account_branch,
        accountSubject: c.account_subject,
        accountNumber: c.account_number,
      };
      moveContract.run(ref, box.sealJson(details, sealContext.contract(ref)), c.contract_ref);
      moveTokens.run(ref, c.contract_ref);
    }
    // Receipts are never changed, but for this once: the same bytes, sealed.
    db.exec('DROP TRIGGER receipts_no_update');
    const sealReceipt = db.prepare('UPDATE receipts SET pdf = ?, document = ? WHERE receipt_no = ?');
    for (const r of db.prepare('SELECT receipt_no, pdf, document FROM receipts').all() as { receipt_no: string; pdf: Buffer; document: string }[]) {
      const context = sealContext.receipt(r.receipt_no);
      sealReceipt.run(box.seal(r.pdf, context), box.seal(Buffer.from(r.document, 'utf8'), context), r.receipt_no);
    }
    db.exec("CREATE TRIGGER receipts_no_update BEFORE UPDATE ON receipts BEGIN SELECT RAISE(ABORT, 'receipts are never changed'); END");
    const sealOutbox = db.prepare('UPDATE outbox SET payload = ? WHERE seq = ?');
    for (const o of db.prepare('SELECT seq, payload FROM outbox').all() as { seq: number; payload: string }[]) {
      sealOutbox.run(box.seal(Buffer.from(o.payload, 'utf8'), sealContext.outbox(o.seq)), o.seq);
    }
  }
  for (const column of ['name_kanji', 'name_kana', 'account_branch', 'account_subject', 'account_number']) {
    db.exec(`ALTER TABLE contracts DROP COLUMN ${column}`);
  }
}
