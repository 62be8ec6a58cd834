import { IDENTITY_DOCUMENTS, PAYMENT_LABELS, type ApplicationForm, type FeeQuote, type IdentityDocument, type PaymentMethod } from '../domain/types';
import type { ContractRow } from '../db/contract-repo';
import { maskAccount, maskContractId, nameOnDocument, type NameOnDocuments } from '../domain/masking';
import type { CounterDocument } from '../templates/counter-document';
import type { Branch, Operator } from './contract';



/** A receipt is stored as the data it was printed from, so a reprint is the same page plus its mark. */
export type StoredDocument = Omit<CounterDocument, 'acceptedAt'> & { acceptedAt: string };

export function toStored(doc: CounterDocument): StoredDocument {
  return { ...doc, acceptedAt: doc.acceptedAt.toISOString() };
}

export function fromStored(doc: StoredDocument): CounterDocument {
  return { ...doc, acceptedAt: new Date(doc.acceptedAt) };
}

/** The customer as printed: masked, the name as the bank prefers (its branch setting), for anything that leaves the counter. */
export function customerRows(
  c: { contractId: string; nameKanji: string; accountBranch: string; accountSubject: string; accountNumber: string },
  nameRule: NameOnDocuments,
) {
  return [
    { label: '契約者ID', value: maskContractId(c.contractId) },
    { label: 'お名前', value: `${nameOnDocument(c.nameKanji, nameRule)} 様` },
    { label: '代表口座', value: `${c.accountBranch}-${c.accountSubject}-${maskAccount(c.accountNumber)}` },
  ];
}

function formCustomer(form: ApplicationForm) {
  return {
    contractId: form.contractId,
    nameKanji: form.nameKanji,
    accountBranch: form.account.branchCode,
    accountSubject: form.account.subject,
    accountNumber: form.account.number,
  };
}

/** What every document takes from the branch: the issuer, and how it prints dates. */
export function fromBranch(branch: Branch): Pick<CounterDocument, 'issuer' | 'japaneseEra'> {
  return {
    issuer: { bankName: branch.bankName, branchName: branch.branchName, branchCode: branch.branchCode, invoiceRegNo: branch.invoiceRegNo },
    japaneseEra: branch.japaneseEra,
  };
}

export function invoiceOf(fee: FeeQuote, payment: PaymentMethod): NonNullable<CounterDocument['invoice']> {
  return {
    description: fee.description,
    totalInclTax: fee.totalInclTax,
    taxRatePercent: fee.taxRatePercent,
    tax: fee.tax,
    net: fee.net,
    paymentMethod: PAYMENT_LABELS[payment],
  };
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
    ...fromBranch(branch),
    operator: { operatorId: args.operator.operatorId, name: args.operator.name },
    customer: customerRows(formCustomer(args.form), branch.nameOnDocuments),
    details: [
      { label: 'お取引', value: 'ハードウェアトークン発行' },
      { label: 'シリアル番号', value: args.serial },
      { label: '本人確認書類', value: IDENTITY_DOCUMENTS[args.form.identityDocument] },
    ],
    invoice: invoiceOf(fee, args.payment),
    notices: [
      'WEBバンキングのログイン画面の「利用開始」から、このトークンのシリアル番号とワンタイムパスワードを登録してください。',
      '登録が済むまで、お振込等の資金移動にはこのトークンをご利用いただけません。',
      '故障・破損・電池切れの際は、お使いのトークンと引換に無料で交換いたします。',
    ],
  };
}

interface SlipBase {
  branch: Branch;
  operator: Operator;
  receiptNo: string;
  acceptedAt: Date;
  contract: ContractRow;
  identityDocument: IdentityDocument;
}

function slipHead(a: SlipBase) {
  return {
    copy: 'customer' as const,
    receiptNo: a.receiptNo,
    acceptedAt: a.acceptedAt,
    ...fromBranch(a.branch),
    operator: { operatorId: a.operator.operatorId, name: a.operator.name },
    customer: customerRows(a.contract, a.branch.nameOnDocuments),
  };
}

const START_AGAIN = 'WEBバンキングのログイン画面の「利用開始」から、新しいトークンのシリアル番号とワンタイムパスワードを登録してください。';

/** Free (the template prints 手数料 0円 where there is no invoice). */
export function exchangeSlip(a: SlipBase & { reasonLabel: string; oldSerial: string; newSerial: string }): CounterDocument {
  return {
    title: 'ハードウェアトークン 交換受付票',
    ...slipHead(a),
    details: [
      { label: 'お取引', value: `ハードウェアトークン交換（${a.reasonLabel}）` },
      { label: 'シリアル番号（変更前）', value: a.oldSerial },
      { label: 'シリアル番号（変更後）', value: a.newSerial },
      { label: '本人確認書類', value: IDENTITY_DOCUMENTS[a.identityDocument] },
    ],
    notices: [
      '変更前のトークンはお預かりしました。今後は変更後のトークンをご利用ください。',
      `${START_AGAIN}（WEBバンキングの「交換」からも手続きできます）`,
    ],
  };
}

export function lostReissueReceipt(a: SlipBase & { reasonLabel: string; lostSerial: string; newSerial: string; fee: FeeQuote; payment: PaymentMethod }): CounterDocument {
  return {
    title: 'ハードウェアトークン再発行 領収書',
    ...slipHead(a),
    details: [
      { label: 'お取引', value: `ハードウェアトークン再発行（${a.reasonLabel}）` },
      { label: '利用停止したシリアル番号', value: a.lostSerial },
      { label: '新しいシリアル番号', value: a.newSerial },
      { label: '本人確認書類', value: IDENTITY_DOCUMENTS[a.identityDocument] },
    ],
    invoice: invoiceOf(a.fee, a.payment),
    notices: [`紛失・盗難のトークン（${a.lostSerial}）は利用を停止しました。見つかってもご利用いただけません。`, START_AGAIN],
  };
}

export function suspensionSlip(a: SlipBase & { serial: string }): CounterDocument {
  return {
    title: 'ワンタイムパスワード 利用中止受付票',
    ...slipHead(a),
    details: [
      { label: 'お取引', value: '利用中止届（携帯電話のお客さま）' },
      { label: '利用中止したシリアル番号', value: a.serial },
      { label: '本人確認書類', value: IDENTITY_DOCUMENTS[a.identityDocument] },
    ],
    notices: [
      'ワンタイムパスワードの利用を中止しました。本日ただいまより、お振込等の資金移動のお取引は制限されます。',
      '利用中止したトークンは再度ご利用いただけません。',
      `再開をご希望の際は、窓口で新しいハードウェアトークンの発行をお申込みのうえ、${START_AGAIN}`,
    ],
  };
}
