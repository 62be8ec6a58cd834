/**
 * Channel names and the host-side constants, without schemas, so that the preload and the browser
 * bridge can build one method per channel without bundling zod (the contract is imported for its
 * types only).
 */
import type { Channel, MadoguchiApi } from './contract';

/** Every channel of the contract, once: the compiler refuses a missing or an unknown name. */
const EVERY_CHANNEL = {
  setupStatus: true,
  setupInitialize: true,
  branchUpdateSettings: true,
  authSession: true,
  authLogin: true,
  authLogout: true,
  keyRestore: true,
  recoveryStatus: true,
  recoverySetPassphrase: true,
  authChangePassword: true,
  operatorsList: true,
  operatorsCreate: true,
  operatorsUnlock: true,
  operatorsResetPassword: true,
  operatorsChangeRole: true,
  operatorsRetire: true,
  feesQuote: true,
  stockImport: true,
  stockList: true,
  stockLookup: true,
  stockFindByOtp: true,
  stockMarkDamaged: true,
  stockDispose: true,
  stockResync: true,
  returnsCollected: true,
  returnsCreateBatch: true,
  issue: true,
  contractsLookup: true,
  exchange: true,
  reissue: true,
  suspend: true,
  receiptsOpen: true,
  printerSettings: true,
  printerSettingsUpdate: true,
  printerTestPage: true,
  journalToday: true,
  glance: true,
  approvalsRequest: true,
  approvalsList: true,
  approvalsDecide: true,
  dayStatus: true,
  dayClose: true,
  dayReport: true,
  logSearch: true,
  logEntry: true,
  logExportStart: true,
  ledgerVerifyStart: true,
  jobStatus: true,
  syncStatus: true,
  syncNow: true,
  syncEnrol: true,
  syncRejections: true,
  syncResolveRejection: true,
} satisfies Record<Channel, true>;

export const CHANNELS = Object.keys(EVERY_CHANNEL) as readonly Channel[];

export const IPC_PREFIX = 'madoguchi:';

/**
 * window.madoguchi over a host's transport: one method per channel, each passing its own
 * channel name to `invoke` (the page never gets a generic invoke). The host answers with the
 * channel's Result; the renderer's call() still checks the shape of what arrives.
 */
export function apiOver(invoke: (channel: Channel, req: unknown) => Promise<unknown>): MadoguchiApi {
  return Object.fromEntries(CHANNELS.map((channel) => [channel, (req: unknown) => invoke(channel, req)])) as MadoguchiApi;
}
