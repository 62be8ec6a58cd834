import type { Db } from './open';
import { sql } from './prepared';
import type { ApplicationForm } from '../domain/types';
import type { ContractDetails } from '../domain/validation';

export interface ContractRow extends ContractDetails {
  currentSerial: string | null;
}

export function findContract(db: Db, contractId: string): ContractRow | null {
  const r = sql(db, 
      `SELECT contract_id AS contractId, name_kanji AS nameKanji, name_kana AS nameKana,
              account_branch AS accountBranch, account_subject AS accountSubject,
              account_number AS accountNumber, feature_phone AS featurePhone, current_serial AS currentSerial
       FROM contracts WHERE contract_id = ?`,
    )
    .get(contractId) as (Omit<ContractRow, 'featurePhone'> & { featurePhone: number }) | undefined;
  return r ? { ...r, featurePhone: r.featurePhone === 1 } : null;
}

/** The form is the customer's latest word on name and account: keep the contract current. */
export function upsertContract(db: Db, form: ApplicationForm, currentSerial: string, updatedAt: string): void {
  sql(db, 
    `INSERT INTO contracts (contract_id, name_kanji, name_kana, account_branch, account_subject, account_number,
                            feature_phone, current_serial, updated_at)
     VALUES (@contractId, @nameKanji, @nameKana, @branch, @subject, @number, @featurePhone, @currentSerial, @updatedAt)
     ON CONFLICT (contract_id) DO UPDATE SET
       name_kanji = excluded.name_kanji, name_kana = excluded.name_kana,
       account_branch = excluded.account_branch, account_subject = excluded.account_subject,
       account_number = excluded.account_number, feature_phone = excluded.feature_phone,
       current_serial = excluded.current_serial, updated_at = excluded.updated_at`,
  ).run({
    contractId: form.contractId,
    nameKanji: form.nameKanji,
    nameKana: form.nameKana,
    branch: form.account.branchCode,
    subject: form.account.subject,
    number: form.account.number,
    featurePhone: form.featurePhone ? 1 : 0,
    currentSerial,
    updatedAt,
  });
}

export function setCurrentSerial(db: Db, contractId: string, serial: string, updatedAt: string): void {
  sql(db, 'UPDATE contracts SET current_serial = ?, updated_at = ? WHERE contract_id = ?').run(serial, updatedAt, contractId);
}
