/**
 * Channel names only, without schemas, so that the preload and the browser bridge can
 * build one method per channel without bundling zod. contract.test.ts keeps it in step.
 */
export const CHANNELS = [
  'setupStatus',
  'setupInitialize',
  'branchUpdateSettings',
  'authSession',
  'authLogin',
  'authLogout',
  'operatorsList',
  'operatorsCreate',
  'operatorsUnlock',
  'feesQuote',
  'stockImport',
  'stockList',
  'stockLookup',
  'stockFindByOtp',
  'stockMarkDamaged',
  'stockDispose',
  'stockResync',
  'stockResetFailCount',
  'returnsCollected',
  'returnsCreateBatch',
  'issue',
  'contractsLookup',
  'exchange',
  'reissue',
  'suspend',
  'receiptsOpen',
  'journalToday',
] as const;

export const IPC_PREFIX = 'madoguchi:';
export const HTTP_API_PREFIX = '/api/';
export const SECRET_HEADER = 'x-madoguchi-secret';
