import type { ApplicationForm } from '../domain/types';
import type { ContractDetails } from '../domain/validation';
import type { Db } from './db';
import { sql } from './prepared';
import { sealContext } from './seal-at-rest';
import type { SecretBox } from './sealed-secret';

export interface ContractRow extends ContractDetails {
  /** The keyed hash the contract is stored under (its ID itself is sealed with the rest). */
  contractRef: string;
  currentSerial: string | null;
}

type SealedDetails = Omit<ContractDetails, 'featurePhone'>;

interface RawContract {
  contract_ref: string;
  details_enc: Buffer;
  feature_phone: number;
  current_serial: string | null;
}

function fromRaw(box: SecretBox, r: RawContract): ContractRow {
  const details = box.openJson<SealedDetails>(r.details_enc, sealContext.contract(r.contract_ref));
  return { ...details, featurePhone: r.feature_phone === 1, contractRef: r.contract_ref, currentSerial: r.current_serial };
}

export function findContractByRef(db: Db, box: SecretBox, ref: string): ContractRow | null {
  const r = sql(db, 'SELECT contract_ref, details_enc, feature_phone, current_serial FROM contracts WHERE contract_ref = ?').get(ref) as RawContract | undefined;
  return r ? fromRaw(box, r) : null;
}

export function findContract(db: Db, box: SecretBox, contractId: string): ContractRow | null {
  return findContractByRef(db, box, box.contractRef(contractId));
}

/** The form is the customer's latest word on name and account: keep the contract current. */
export function upsertContract(db: Db, box: SecretBox, form: ApplicationForm, currentSerial: string, updatedAt: string): void {
  const ref = box.contractRef(form.contractId);
  const details: SealedDetails = {
    contractId: form.contractId,
    nameKanji: form.nameKanji,
    nameKana: form.nameKana,
    accountBranch: form.account.branchCode,
    accountSubject: form.account.subject,
    accountNumber: form.account.number,
  };
  sql(
    db,
    `INSERT INTO contracts (contract_ref, details_enc, feature_phone, current_serial, updated_at)
     VALUES (@ref, @details, @featurePhone, @currentSerial, @updatedAt)
     ON CONFLICT (contract_ref) DO UPDATE SET
       details_enc = excluded.details_enc, feature_phone = excluded.feature_phone,
       current_serial = excluded.current_serial, updated_at = excluded.updated_at`,
  ).run({ ref, details: box.sealJson(details, sealContext.contract(ref)), featurePhone: form.featurePhone ? 1 : 0, currentSerial, updatedAt });
}

export function setCurrentSerial(db: Db, contractRef: string, serial: string | null, updatedAt: string): void {
  sql(db, 'UPDATE contracts SET current_serial = ?, updated_at = ? WHERE contract_ref = ?').run(serial, updatedAt, contractRef);
}
