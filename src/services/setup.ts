import { DEFAULT_FEE_RULES } from '../domain/fees';
import { validateSetup } from '../domain/validation';
import { insertBranch, insertFeeRules, readBranch, updateNameOnDocuments } from '../db/branch-repo';
import type { NameOnDocuments } from '../domain/masking';
import { insertOperator } from '../db/operator-repo';
import { appendJournal } from '../db/journal';
import type { Branch, Operator, SetupRequest } from './contract';
import { invalid, ServiceFailure } from './failures';
import { hashPassword } from './passwords';
import type { Ports } from './ports';

export function setupStatus(p: Ports): { initialized: boolean; branch: Branch | null } {
  const branch = readBranch(p.db);
  return { initialized: branch !== null, branch };
}

/** First run: the branch, its fee table and the first manager, in one transaction. */
export function initialize(p: Ports, req: SetupRequest): { branch: Branch } {
  if (readBranch(p.db)) throw new ServiceFailure('ALREADY_INITIALIZED', 'この端末は初期設定済みです。');
  const v = validateSetup(req);
  if (!v.ok) invalid(v.errors);
  const { branch, manager } = v.value;
  const at = p.now().toISOString();
  const passwordHash = hashPassword(manager.password);
  p.db.transaction(() => {
    insertBranch(p.db, branch, at);
    insertFeeRules(p.db, DEFAULT_FEE_RULES);
    insertOperator(p.db, { operatorId: manager.operatorId, name: manager.name, role: 'manager', passwordHash }, at);
    appendJournal(p.db, {
      kind: 'BRANCH_SETUP',
      occurredAt: at,
      operatorId: manager.operatorId,
      payload: { branch, manager: { operatorId: manager.operatorId, name: manager.name } },
    });
  }).immediate();
  return { branch };
}

export function requireBranch(p: Ports): Branch {
  const b = readBranch(p.db);
  if (!b) throw new ServiceFailure('NOT_INITIALIZED', '初期設定が済んでいません。');
  return b;
}

/** 店舗設定 by a manager: how names are printed from the next document on; reprints keep what was printed. */
export function updateSettings(p: Ports, by: Operator, req: { nameOnDocuments: NameOnDocuments }): { branch: Branch } {
  const before = requireBranch(p);
  if (before.nameOnDocuments === req.nameOnDocuments) return { branch: before };
  const at = p.now().toISOString();
  p.db.transaction(() => {
    updateNameOnDocuments(p.db, req.nameOnDocuments);
    appendJournal(p.db, {
      kind: 'BRANCH_SETTINGS_CHANGED',
      occurredAt: at,
      operatorId: by.operatorId,
      payload: { nameOnDocuments: { from: before.nameOnDocuments, to: req.nameOnDocuments } },
    });
  }).immediate();
  return { branch: requireBranch(p) };
}
