import type { FeeQuote, Operator } from '../../domain/types';
import type { Branch } from '../../domain/validation';
import { EXCHANGE_REASONS } from '../../domain/counter-rules';
import type { CounterDocument } from '../../templates/counter-document';
import type { DayReport } from '../../templates/day-report';
import type { LogReport } from '../../templates/log-report';
import type { ReturnList } from '../../templates/return-list';
import { exchangeSlip, issueReceipt, reissueReceipt, suspensionSlip } from '../../templates/documents';

/** A typical issuance receipt, customer copy. */
export const SAMPLE_ISSUANCE_RECEIPT: CounterDocument = {
  title: 'ハードウェアトークン発行 領収書',
  copy: 'customer',
  receiptNo: 'R-20261125-001-0042',
  acceptedAt: new Date('2026-11-25T01:35:25Z'),
  issuer: { bankName: 'みどり信用金庫', branchName: '本店営業部', branchCode: '001', invoiceRegNo: 'T1234567890123' },
  operator: { operatorId: 'T0123', name: '窓口 花子' },
  customer: [
    { label: '契約者ID', value: '12****7890' },
    { label: 'お名前', value: 'シンキン タ＊＊ 様' },
    { label: '代表口座', value: '本店営業部（001） 普通 ****567' },
  ],
  details: [{ label: 'シリアル番号', value: 'VT-0012345678' }],
  invoice: {
    description: 'ハードウェアトークン発行手数料',
    totalInclTax: 2200,
    taxRatePercent: 10,
    tax: 200,
    net: 2000,
    paymentMethod: '現金',
  },
  notices: [
    'インターネットバンキングにログインのうえ「トークン利用登録」を行うまでトークンはご利用いただけません。30日以内に利用登録をお済ませください。',
    'トークンを紛失された場合は、直ちにお取引店またはサービスセンターへご連絡ください。',
  ],
};

export const SAMPLE_BRANCH: Branch = {
  bankName: 'みどり信用金庫',
  branchCode: '001',
  branchName: '本店営業部',
  terminalNo: '01',
  invoiceRegNo: 'T1234567890123',
  nameOnDocuments: 'INITIAL',
  printBranchCopy: false,
  japaneseEra: false,
  serialFormat: 'ALNUM_12',
  lowStockThreshold: 20,
};

export const SAMPLE_OPERATOR: Operator = { operatorId: 'T0123', name: '窓口　花子', role: 'teller' };

const head = { branch: SAMPLE_BRANCH, operator: SAMPLE_OPERATOR, receiptNo: '001-01-0000042', acceptedAt: new Date('2026-11-25T01:35:25Z') };
const contract = { contractId: 'C0012345', nameKanji: '信金　太郎', accountBranch: '001', accountSubject: '01', accountNumber: '1234567' } as const;
const fee: FeeQuote = { kind: 'HW_TOKEN_ISSUE', description: 'ハードウェアトークン発行手数料', totalInclTax: 2200, net: 2000, tax: 200, taxRatePercent: 10 };

/** Every counter document, built from data the way the services build them. */
export const SAMPLE_DOCUMENTS: Record<'issuance' | 'exchange' | 'reissue' | 'suspension', CounterDocument> = {
  issuance: issueReceipt({
    ...head,
    form: {
      contractId: contract.contractId,
      nameKanji: contract.nameKanji,
      nameKana: 'シンキン　タロウ',
      account: { branchCode: '001', subject: '01', number: '1234567' },
      featurePhone: true,
      identityDocument: 'DRIVERS_LICENSE',
      sealChecked: true,
    },
    serial: 'VT0012345678',
    fee,
    payment: 'CASH',
  }),
  exchange: exchangeSlip({ ...head, contract, identityDocument: 'DRIVERS_LICENSE', reasonLabel: '電池切れ', oldSerial: 'VT0012345678', newSerial: 'VT0098765432' }),
  reissue: reissueReceipt({
    ...head,
    contract,
    identityDocument: 'MY_NUMBER_CARD',
    reasonLabel: '紛失',
    lostSerial: 'VT0012345678',
    newSerial: 'VT0098765432',
    fee: { ...fee, kind: 'HW_TOKEN_REISSUE', description: 'ハードウェアトークン再発行手数料' },
    payment: 'ACCOUNT_DEBIT',
  }),
  suspension: suspensionSlip({ ...head, contract, identityDocument: 'DRIVERS_LICENSE', serial: 'VT0012345678' }),
};

/** A return list of a few tokens, one per reason. */
export const SAMPLE_RETURN_LIST: ReturnList = {
  branch: SAMPLE_BRANCH,
  operator: SAMPLE_OPERATOR,
  batchId: 3,
  createdAt: new Date('2026-11-25T01:35:25Z'),
  tokens: EXCHANGE_REASONS.map((reason, i) => ({ serial: `VT00123456${70 + i}`, reason, collectedAt: new Date(Date.UTC(2026, 10, 10 + i, 2)) })),
};

/** A day with one issuance paid in cash and one exchange, the cash counted right. */
export const SAMPLE_DAY_REPORT: DayReport = {
  branch: SAMPLE_BRANCH,
  businessDate: '2026-11-25',
  closedAt: new Date('2026-11-25T08:10:00Z'),
  closedBy: { operatorId: 'M0001', name: '役席 一郎', role: 'manager' },
  from: new Date('2026-11-25T00:05:00Z'),
  figures: {
    acts: [
      { kind: 'TOKEN_ISSUED', label: 'ハードウェアトークン発行', count: 1, amount: 2200 },
      { kind: 'TOKEN_EXCHANGED', label: 'トークン交換', count: 1, amount: 0 },
    ],
    byPayment: { CASH: 2200, ACCOUNT_DEBIT: 0 },
    taxes: [{ ratePercent: 10, totalInclTax: 2200, tax: 200 }],
    refunds: { count: 0, amount: 0 },
    transactions: 2,
    expectedCash: 2200,
  },
  countedCash: 2200,
  cashReason: '',
  stock: [{ state: 'IN_STOCK', expected: 24, counted: 24 }],
  stockReason: '',
  collected: 1,
  operators: ['窓口　花子（T0123）'],
  chainHead: 'a3f1c2d4e5b6978812345678901234567890abcdefabcdefabcdefabcdef0123',
};

/** The log of the same day, masked as the screen's list. */
export const SAMPLE_LOG_REPORT: LogReport = {
  branch: SAMPLE_BRANCH,
  viewer: { operatorId: 'M0001', name: '役席 一郎', role: 'manager' },
  createdAt: new Date('2026-11-25T08:20:00Z'),
  filter: '2026年11月25日 すべての記録',
  rows: [
    { at: new Date('2026-11-25T01:35:25Z'), kind: 'ハードウェアトークン発行', detail: '現金', operatorId: 'T0123', receiptNo: '001-01-0000042', serial: 'VT0012345678', contract: 'C00****5', amount: '2,200円' },
    { at: new Date('2026-11-25T02:10:00Z'), kind: 'ログイン', detail: '', operatorId: 'T0123', receiptNo: '', serial: '', contract: '', amount: '' },
  ],
};
