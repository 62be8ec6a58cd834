import { IDENTITY_DOCUMENTS, type ApplicationForm, type FeeQuote, type PaymentMethod } from '../domain/types';
import { maskAccount, maskContractId, maskName } from '../domain/masking';
import type { CounterDocument } from '../templates/counter-document';
import type { Branch, Operator } from './contract';

export const PAYMENT_LABELS: Record<PaymentMethod, string> = { CASH: '現金', ACCOUNT_DEBIT: '口座振替', NONE: '—' };

/** A receipt is stored as the data it was printed from, so a reprint is the same page plus its mark. */
export type StoredDocument = Omit<CounterDocument, 'acceptedAt'> & { acceptedAt: string };

export function toStored(doc: CounterDocument): StoredDocument {
  return { ...doc, acceptedAt: doc.acceptedAt.toISOString() };
}

export function fromStored(doc: StoredDocument): CounterDocument {
  return { ...doc, acceptedAt: new Date(doc.acceptedAt) };
}

function customerRows(form: ApplicationForm) {
  return [
    { label: '契約者ID', value: maskContractId(form.contractId) },
    { label: 'お名前', value: `${maskName(form.nameKanji)} 様` },
    { label: '代表口座', value: `${form.account.branchCode}-${form.account.subject}-${maskAccount(form.account.number)}` },
  ];
}

export function issuanceReceipt(args: {
  branch: Branch;
  operator: Operator;
  receiptNo: string;
  acceptedAt: Date;
  form: ApplicationForm;
  serial: string;
  fee: FeeQuote;
  payment: PaymentMethod;
}): CounterDocument {
  const { branch, fee } = args;
  return {
    title: 'ハードウェアトークン発行 領収書',
    copy: 'customer',
    receiptNo: args.receiptNo,
    acceptedAt: args.acceptedAt,
    issuer: { bankName: branch.bankName, branchName: branch.branchName, branchCode: branch.branchCode, invoiceRegNo: branch.invoiceRegNo },
    operator: { operatorId: args.operator.operatorId, name: args.operator.name },
    customer: customerRows(args.form),
    details: [
      { label: 'お取引', value: 'ハードウェアトークン発行' },
      { label: 'シリアル番号', value: args.serial },
      { label: '本人確認書類', value: IDENTITY_DOCUMENTS[args.form.identityDocument] },
    ],
    invoice: {
      description: fee.description,
      totalInclTax: fee.totalInclTax,
      taxRatePercent: fee.taxRatePercent,
      tax: fee.tax,
      net: fee.net,
      paymentMethod: PAYMENT_LABELS[args.payment],
    },
    notices: [
      'WEBバンキングのログイン画面の「利用開始」から、このトークンのシリアル番号とワンタイムパスワードを登録してください。',
      '登録が済むまで、お振込等の資金移動にはこのトークンをご利用いただけません。',
      '故障・破損・電池切れの際は、お使いのトークンと引換に無料で交換いたします。',
    ],
  };
}
