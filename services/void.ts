import { refuse } from '../domain/errors';
import { isCounterKind, journalKindLabel } from '../domain/journal-kinds';
import { nextState } from '../domain/token-lifecycle';
import type { FeeQuote, IdentityDocument, Operator, PaymentMethod } from '../domain/types';
import { findContractByRef, setCurrentSerial } from '../db/contract-repo';
import { lastClose } from '../db/day-repo';
import { sql } from '../db/prepared';
import type { JournalRow } from '../db/journal';
import { findReceipt } from '../db/receipt-repo';
import { findToken, moveToken } from '../db/token-repo';
import { fromStored, type StoredDocument } from '../templates/counter-document';
import { voidSlip } from '../templates/documents';
import { commitCounterTransaction } from './counter-transaction';
import type { Ports } from './ports';

/** What a counter entry's payload says about its fee and the tokens it moved. */
interface ActPayload {
  fee?: FeeQuote;
  payment?: PaymentMethod;
  identityDocument?: IdentityDocument;
  oldSerial?: string;
  lostSerial?: string;
  newSerial?: string;
}

function counterEntry(p: Ports, receiptNo: string): JournalRow {
  const row = sql(p.db, 'SELECT j.* FROM receipts r JOIN journal j ON j.seq = r.journal_seq WHERE r.receipt_no = ?').get(receiptNo) as JournalRow | undefined;
  if (!row || !isCounterKind(row.kind)) refuse('VOID_UNKNOWN', `受付番号 ${receiptNo} のお取引は見つかりません。`, 'subject');
  return row;
}

function alreadyVoided(p: Ports, receiptNo: string): boolean {
  return sql(p.db, "SELECT 1 FROM journal WHERE kind = 'TRANSACTION_VOIDED' AND json_extract(payload, '$.voidedReceiptNo') = ?").get(receiptNo) !== undefined;
}

/** Whether the transaction can be voided at all; the request names it by its 受付番号. */
export function checkVoidable(p: Ports, raw: string): string {
  const receiptNo = raw.normalize('NFKC').trim();
  const entry = counterEntry(p, receiptNo);
  if (entry.kind === 'TRANSACTION_VOIDED') refuse('VOID_OF_VOID', '取消の取引は取り消せません。', 'subject');
  if (entry.kind === 'TOKEN_SUSPENDED') refuse('VOID_SUSPENSION', '利用中止は取り消せません（利用中止したトークンは二度と使えません）。新しいトークンの発行で対応してください。', 'subject');
  if (alreadyVoided(p, receiptNo)) refuse('VOID_TWICE', `受付番号 ${receiptNo} のお取引は既に取り消されています。`, 'subject');
  const close = lastClose(p.db);
  if (close && entry.seq <= close.closeSeq) {
    refuse('VOID_CLOSED_DAY', `受付番号 ${receiptNo} は締め済みの営業日（${close.businessDate}）のお取引です。取り消すには、先に営業日の再開の検印を受けてください。`, 'subject');
  }
  return receiptNo;
}

/**
 * 取消, once a second person approved it: a reversing counter transaction with its own receipt
 * (a return invoice where a fee was paid); the original entry is never edited. The tokens go back
 * to where the act found them, provided they are still as it left them.
 */
export function voidTransaction(p: Ports, maker: Operator, checker: Operator, receiptNo: string, reason: string, approvalId: number) {
  const original = counterEntry(p, receiptNo);
  const payload = JSON.parse(original.payload) as ActPayload;
  const stored = findReceipt(p.db, p.secrets, receiptNo);
  if (!stored) refuse('VOID_UNKNOWN', `受付番号 ${receiptNo} の領収書は見つかりません。`, 'subject');
  const printed = fromStored(JSON.parse(stored.document) as StoredDocument);
  const contractRef = original.contract_id;
  return commitCounterTransaction(p, maker, { kind: 'TRANSACTION_VOIDED', serial: original.serial }, ({ now, at, branch }) => {
    checkVoidable(p, receiptNo);
    const contract = contractRef ? findContractByRef(p.db, p.secrets, contractRef) : null;
    if (!contract) refuse('VOID_CONTRACT', 'このお取引の契約が見つからないため取り消せません。');
    const serial = payload.newSerial ?? original.serial;
    const token = serial ? findToken(p.db, serial) : null;
    if (!token || token.state !== 'ISSUED') {
      refuse('VOID_TOKEN_MOVED', `お渡ししたトークン（${serial ?? '—'}）は既に${token ? 'その後の操作がされている' : '見つからない'}ため、このお取引は取り消せません。`);
    }
    moveToken(p.db, token.serial, 'ISSUED', nextState('ISSUED', 'VOID_ISSUE', token.serial), null, at);
    const before = payload.oldSerial ?? payload.lostSerial ?? null;
    if (payload.oldSerial) {
      const old = findToken(p.db, payload.oldSerial);
      if (!old || old.state !== 'EXCHANGED') refuse('VOID_TOKEN_MOVED', `お預かりしたトークン（${payload.oldSerial}）は既に返却処理されたため、この交換は取り消せません。`);
      moveToken(p.db, old.serial, 'EXCHANGED', nextState('EXCHANGED', 'VOID_EXCHANGE', old.serial), contract.contractRef, at);
    }
    setCurrentSerial(p.db, contract.contractRef, before, at);
    const paid = payload.fee && payload.fee.totalInclTax > 0 && payload.payment ? { fee: payload.fee, payment: payload.payment } : null;
    return {
      document: (voidNo) =>
        voidSlip({
          branch,
          operator: maker,
          receiptNo: voidNo,
          acceptedAt: now,
          contract,
          identityDocument: payload.identityDocument ?? 'OTHER',
          original: { title: journalKindLabel(original.kind), receiptNo, acceptedAt: printed.acceptedAt, details: printed.details },
          refund: paid,
          reason,
        }),
      journal: {
        serial: original.serial,
        contractRef: contract.contractRef,
        amount: paid ? -paid.fee.totalInclTax : 0,
        payload: {
          voidedReceiptNo: receiptNo,
          voidedSeq: original.seq,
          voidedKind: original.kind,
          reason,
          approval: { approvalId, maker: maker.operatorId, checker: checker.operatorId },
          ...(paid ? { fee: paid.fee, payment: paid.payment } : {}),
        },
      },
      outbox: { urgent: false, payload: { contractId: contract.contractId, voidedReceiptNo: receiptNo, voidedKind: original.kind, serial: token.serial, restoredSerial: before } },
      result: { voidedReceiptNo: receiptNo },
    };
  });
}
