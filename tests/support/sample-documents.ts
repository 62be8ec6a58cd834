import type { CounterDocument } from '../../templates/counter-document';

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
