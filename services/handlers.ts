import type { z } from 'zod';
import { quoteFee } from '../domain/fees';
import { jstDate } from '../domain/format';
import { readFeeRules } from '../db/branch-repo';
import { contract, type Channel, type Operator, type ResponseOf, type Result } from './contract';
import * as auth from './auth';
import { BAD_REQUEST, toApiError, ServiceFailure, UNEXPECTED_MESSAGE } from './failures';
import { describeError, type ErrorLog } from './error-log';
import { APPROVAL_RULES } from './approval-rules';
import * as approvals from './approvals';
import * as contracts from './contracts';
import * as dayClose from './day-close';
import { jobFailure, Jobs, jobStatus } from './jobs';
import * as log from './journal-log';
import { exchange } from './exchange';
import { issue } from './issue';
import { glance } from './glance';
import * as journalView from './journal-view';
import * as operators from './operators';
import type { Ports } from './ports';
import * as printing from './printing';
import * as receipts from './receipts';
import { reissue } from './reissue';
import * as returns from './returns';
import type { Session } from './session';
import * as keyRecovery from './key-recovery';
import * as setup from './setup';
import * as stock from './stock';
import * as stockAdmin from './stock-admin';
import { suspend } from './suspend';

type Parsed<C extends Channel> = z.output<(typeof contract)[C]['req']>;
interface Ctx {
  operator: Operator | null;
}
type Handler<C extends Channel> = (req: Parsed<C>, ctx: Ctx) => ResponseOf<C> | Promise<ResponseOf<C>>;
export type HandlerTable = { [C in Channel]: Handler<C> };

function who(ctx: Ctx): Operator {
  if (!ctx.operator) throw new ServiceFailure('SESSION_REQUIRED', 'ログインしてください。');
  return ctx.operator;
}

/** The one handler table. Both hosts call `dispatch`; neither adds behaviour of its own. */
export function createHandlers(p: Ports, session: Session): HandlerTable {
  const jobs = new Jobs();
  return {
    setupStatus: () => setup.setupStatus(p),
    setupInitialize: (req) => setup.initialize(p, req),
    branchUpdateSettings: (req, ctx) => setup.updateSettings(p, who(ctx), req),
    authSession: () => {
      const operator = session.current(p.now());
      return { operator, idleLockSeconds: session.idleSeconds, mustChangePassword: operator !== null && session.passwordChangeRequired };
    },
    authLogin: (req) => auth.login(p, session, req),
    authLogout: () => auth.logout(p, session),
    keyRestore: () => keyRecovery.keyAlreadyHere(),
    recoveryStatus: () => keyRecovery.recoveryStatus(p),
    recoverySetPassphrase: (req, ctx) => keyRecovery.setRecoveryPassphrase(p, who(ctx), req),
    authChangePassword: (req) => auth.changePassword(p, session, req),
    operatorsList: () => operators.list(p),
    operatorsCreate: (req, ctx) => operators.create(p, who(ctx), req),
    operatorsUnlock: (req, ctx) => operators.unlock(p, who(ctx), req),
    operatorsResetPassword: (req, ctx) => operators.resetPassword(p, who(ctx), req),
    operatorsChangeRole: (req, ctx) => operators.changeRole(p, who(ctx), req),
    operatorsRetire: (req, ctx) => operators.retire(p, who(ctx), req),
    feesQuote: (req) => quoteFee(readFeeRules(p.db), req.kind, jstDate(p.now())),
    stockImport: (req, ctx) => stock.importSeeds(p, who(ctx), req),
    stockList: (req) => stock.list(p, req),
    stockLookup: (req) => stock.lookup(p, req),
    stockFindByOtp: (req) => stockAdmin.findByOtp(p, req),
    stockMarkDamaged: (req, ctx) => stockAdmin.markDamaged(p, who(ctx), req),
    stockDispose: (req, ctx) => stockAdmin.dispose(p, who(ctx), req),
    stockResync: (req, ctx) => stockAdmin.resync(p, who(ctx), req),
    returnsCollected: () => returns.collected(p),
    returnsCreateBatch: (req, ctx) => returns.createBatch(p, who(ctx), req),
    issue: (req, ctx) => issue(p, who(ctx), req),
    contractsLookup: (req) => contracts.lookupContract(p, req),
    exchange: (req, ctx) => exchange(p, who(ctx), req),
    reissue: (req, ctx) => reissue(p, who(ctx), req),
    suspend: (req, ctx) => suspend(p, who(ctx), req),
    receiptsOpen: (req, ctx) => receipts.open(p, who(ctx), req),
    printerSettings: () => printing.printerSettings(p),
    printerSettingsUpdate: (req, ctx) => printing.updatePrinterSettings(p, who(ctx), req),
    printerTestPage: (req) => printing.printTestPage(p, req),
    journalToday: () => journalView.today(p),
    glance: () => glance(p),
    syncStatus: () => p.sync.status(),
    syncNow: () => p.sync.syncNow(),
    syncEnrol: (req, ctx) => p.sync.enrol(who(ctx), req),
    syncRejections: () => ({ rejections: p.sync.rejections() }),
    syncResolveRejection: (req, ctx) => {
      p.sync.resolve(who(ctx), req);
      return {};
    },
    approvalsRequest: (req, ctx) => approvals.requestApproval(p, APPROVAL_RULES, who(ctx), req),
    approvalsList: () => approvals.listApprovals(p),
    approvalsDecide: (req) => approvals.decideApproval(p, APPROVAL_RULES, req),
    dayStatus: () => dayClose.dayStatus(p),
    dayClose: (req, ctx) => dayClose.closeDay(p, who(ctx), req),
    dayReport: (req) => dayClose.dayReport(p, req),
    logSearch: (req) => log.searchLog(p, req),
    logEntry: (req, ctx) => log.logEntry(p, who(ctx), req),
    logExportStart: (req, ctx) => {
      const { format, ...query } = req;
      const viewer = who(ctx);
      return { jobId: jobs.start((progress) => (format === 'csv' ? log.exportCsv(p, query, progress) : log.exportPdf(p, viewer, query, progress)), jobFailure) };
    },
    ledgerVerifyStart: () => ({ jobId: jobs.start((progress) => log.verifyLedger(p, progress), jobFailure) }),
    jobStatus: (req) => jobStatus(jobs, req.jobId),
  };
}

export type Dispatch = <C extends Channel>(channel: C, raw: unknown) => Promise<Result<ResponseOf<C>>>;

export function isChannel(name: string): name is Channel {
  return Object.hasOwn(contract, name);
}

/** Validates the request against the contract, checks the session and role, runs the handler. */
export function createDispatch(p: Ports, session: Session, errors: ErrorLog): Dispatch {
  const handlers = createHandlers(p, session);
  return async (channel, raw) => {
    try {
      const spec = contract[channel];
      const parsed = spec.req.safeParse(raw ?? {});
      if (!parsed.success) {
        return { ok: false, error: BAD_REQUEST };
      }
      const operator = session.admit(spec.access, p.now());
      const handler = handlers[channel] as Handler<typeof channel>;
      return { ok: true, value: await handler(parsed.data as Parsed<typeof channel>, { operator }) };
    } catch (e) {
      const refusal = toApiError(e);
      if (refusal) return { ok: false, error: refusal };
      const now = p.now();
      errors.unexpected({ at: now.toISOString(), channel, operatorId: session.current(now)?.operatorId ?? null, error: describeError(e) });
      return { ok: false, error: { code: 'INTERNAL', message: UNEXPECTED_MESSAGE } };
    }
  };
}
