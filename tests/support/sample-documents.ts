import type { FeeQuote, Operator } from '../../domain/types';
import type { Branch } from '../../domain/validation';
import type { CounterDocument } from '../../templates/counter-document';
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
