import { FieldCheck, refuseForm } from '../domain/errors';
import { DEFAULT_FEE_RULES } from '../domain/fees';
import { DEFAULT_LOW_STOCK_THRESHOLD } from '../domain/glance';
import { normalizeInput, normalizeName, validateSetup } from '../domain/validation';
import { insertBranch, insertFeeRules, readBranch, updateBranchSettings, type BranchSettings } from '../db/branch-repo';
import { insertOperator } from '../db/operator-repo';
import { appendJournal } from '../db/journal';
import type { Branch, Operator, SetupRequest } from './contract';
import { ServiceFailure } from './failures';
import { recoveryForSetup } from './key-recovery';
import { hashPassword } from './passwords';
import type { Ports } from './ports';
import { checkPrintable } from './printable';

/** At start: is the terminal set up? (A ledger still waiting for its data key answers in key-recovery.ts.) */
export function setupStatus(p: Ports): { initialized: boolean; branch: Branch | null; keyRestoreNeeded: boolean } {
  const branch = readBranch(p.db);
  return { initialized: branch !== null, branch, keyRestoreNeeded: false };
}

/** First run: the branch, its fee table, the first manager and the data key's recovery passphrase, in one transaction. */
export async function initialize(p: Ports, req: SetupRequest): Promise<{ branch: Branch }> {
  if (readBranch(p.db)) throw new ServiceFailure('ALREADY_INITIALIZED', 'この端末は初期設定済みです。');
  const v = validateSetup(req);
  const f = new FieldCheck();
  if (!v.ok) f.addAll(v.errors);
  // What the documents print: the bank, the branch and the manager (取扱者).
  checkPrintable(f, 'bankName', '金融機関名', normalizeInput(req.bankName));
  checkPrintable(f, 'branchName', '店舗名', normalizeInput(req.branchName));
  checkPrintable(f, 'managerName', '役席者の氏名', normalizeName(req.managerName));
  if (!v.ok || !f.ok) return refuseForm(f.errors);
  const { manager } = v.value;
  // A branch copy (店舗控) and 和暦 dates are off until a manager turns them on in 店舗設定.
  const branch: Branch = { ...v.value.branch, printBranchCopy: false, japaneseEra: false, lowStockThreshold: DEFAULT_LOW_STOCK_THRESHOLD };
  const at = p.now().toISOString();
  const passwordHash = hashPassword(manager.password);
  // The key is kept on this PC, and wrapped for the next one, before anything is sealed with it.
  const recovery = await recoveryForSetup(p, v.value.recoveryPassphrase);
  p.db.transaction(() => {
    insertBranch(p.db, branch, at);
    insertFeeRules(p.db, DEFAULT_FEE_RULES);
    // The first manager chose this password at the terminal: nothing to change at the first login.
    insertOperator(p.db, { operatorId: manager.operatorId, name: manager.name, role: 'manager', passwordHash, mustChangePassword: false }, at);
    appendJournal(p.db, {
      kind: 'BRANCH_SETUP',
      occurredAt: at,
      operatorId: manager.operatorId,
      payload: { branch, manager: { operatorId: manager.operatorId, name: manager.name } },
    });
    recovery.record(manager.operatorId, at);
  }).immediate();
  return { branch };
}

export function requireBranch(p: Ports): Branch {
  const b = readBranch(p.db);
  if (!b) throw new ServiceFailure('NOT_INITIALIZED', '初期設定が済んでいません。');
  return b;
}

/** 店舗設定 by a manager, from the next document on; reprints keep what was first printed. Each change is journalled. */
export function updateSettings(p: Ports, by: Operator, req: Partial<BranchSettings>): { branch: Branch } {
  const before = requireBranch(p);
  const after: BranchSettings = {
    nameOnDocuments: req.nameOnDocuments ?? before.nameOnDocuments,
    printBranchCopy: req.printBranchCopy ?? before.printBranchCopy,
    japaneseEra: req.japaneseEra ?? before.japaneseEra,
    serialFormat: req.serialFormat ?? before.serialFormat,
    lowStockThreshold: req.lowStockThreshold ?? before.lowStockThreshold,
  };
  const changes = Object.fromEntries(
    (Object.keys(after) as Array<keyof BranchSettings>).filter((k) => after[k] !== before[k]).map((k) => [k, { from: before[k], to: after[k] }]),
  );
  if (Object.keys(changes).length === 0) return { branch: before };
  p.db.transaction(() => {
    updateBranchSettings(p.db, after);
    appendJournal(p.db, { kind: 'BRANCH_SETTINGS_CHANGED', occurredAt: p.now().toISOString(), operatorId: by.operatorId, payload: changes });
  }).immediate();
  return { branch: requireBranch(p) };
}
