/**
 * What each counter act prints, as data for the one layout (counter-document.ts): the issuance
 * receipt, the exchange slip, the reissue receipt and the suspension slip. They take the domain's
 * own types; masking follows the branch's rule for names.
 */
import { maskAccount, maskContractId, nameOnDocument, type NameOnDocuments } from '../domain/masking';
import { IDENTITY_DOCUMENTS, PAYMENT_LABELS, type ApplicationForm, type FeeQuote, type IdentityDocument, type Operator, type PaymentMethod } from '../domain/types';
import { formatSerial, type Branch, type ContractDetails } from '../domain/validation';
import type { CounterDocument } from './counter-document';

type Customer = Pick<ContractDetails, 'contractId' | 'nameKanji' | 'accountBranch' | 'accountSubject' | 'accountNumber'>;

/** The customer as printed: masked, the name as the bank prefers (its branch setting), for anything that leaves the counter. */
export function customerRows(c: Customer, nameRule: NameOnDocuments) {
  return [
    { label: '契約者ID', value: maskContractId(c.contractId) },
    { label: 'お名前', value: `${nameOnDocument(c.nameKanji, nameRule)} 様` },
    { label: '代表口座', value: `${c.accountBranch}-${c.accountSubject}-${maskAccount(c.accountNumber)}` },
  ];
}

function formCustomer(form: ApplicationForm): Customer {
  return {
    contractId: form.contractId,
    nameKanji: form.nameKanji,
    accountBranch: form.account.branchCode,
    accountSubject: form.account.subject,
    accountNumber: form.account.number,
  };
}

/** What every document takes from the branch and the operator: the issuer, the 取扱者, how it prints dates. */
export function fromBranch(branch: Branch, operator: Operator): Pick<CounterDocument, 'issuer' | 'japaneseEra' | 'operator'> {
  return {
    issuer: { bankName: branch.bankName, branchName: branch.branchName, branchCode: branch.branchCode, invoiceRegNo: branch.invoiceRegNo },
    japaneseEra: branch.japaneseEra,
    operator: { operatorId: operator.operatorId, name: operator.name },
  };
}

/** The qualified invoice where a fee is paid; a waived fee prints as 手数料 0円 instead. */
function paidInvoice(fee: FeeQuote, payment: PaymentMethod): Pick<CounterDocument, 'invoice'> {
  return fee.totalInclTax > 0 ? { invoice: invoiceOf(fee, payment) } : {};
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

interface Head {
  branch: Branch;
  operator: Operator;
  receiptNo: string;
  acceptedAt: Date;
}

function head(a: Head, customer: Customer) {
  return {
    copy: 'customer' as const,
    receiptNo: a.receiptNo,
    acceptedAt: a.acceptedAt,
    ...fromBranch(a.branch, a.operator),
    customer: customerRows(customer, a.branch.nameOnDocuments),
  };
}

const START_AGAIN = 'WEBバンキングのログイン画面の「利用開始」から、新しいトークンのシリアル番号とワンタイムパスワードを登録してください。';

export function issueReceipt(a: Head & { form: ApplicationForm; serial: string; fee: FeeQuote; payment: PaymentMethod }): CounterDocument {
  return {
    title: 'ハードウェアトークン発行 領収書',
    ...head(a, formCustomer(a.form)),
    details: [
      { label: 'お取引', value: 'ハードウェアトークン発行' },
      { label: 'シリアル番号', value: formatSerial(a.serial, a.branch.serialFormat) },
      { label: '本人確認書類', value: IDENTITY_DOCUMENTS[a.form.identityDocument] },
    ],
    ...paidInvoice(a.fee, a.payment),
    notices: [
      'WEBバンキングのログイン画面の「利用開始」から、このトークンのシリアル番号とワンタイムパスワードを登録してください。',
      '登録が済むまで、お振込等の資金移動にはこのトークンをご利用いただけません。',
      '故障・破損・電池切れの際は、お使いのトークンと引換に無料で交換いたします。',
    ],
  };
}

interface Slip extends Head {
  contract: Customer;
  identityDocument: IdentityDocument;
}

/** Free (the template prints 手数料 0円 where there is no invoice). */
export function exchangeSlip(a: Slip & { reasonLabel: string; oldSerial: string; newSerial: string }): CounterDocument {
  return {
    title: 'ハードウェアトークン 交換受付票',
    ...head(a, a.contract),
    details: [
      { label: 'お取引', value: `ハードウェアトークン交換（${a.reasonLabel}）` },
      { label: 'シリアル番号（変更前）', value: formatSerial(a.oldSerial, a.branch.serialFormat) },
      { label: 'シリアル番号（変更後）', value: formatSerial(a.newSerial, a.branch.serialFormat) },
      { label: '本人確認書類', value: IDENTITY_DOCUMENTS[a.identityDocument] },
    ],
    notices: [
      '変更前のトークンはお預かりしました。今後は変更後のトークンをご利用ください。',
      `${START_AGAIN}（WEBバンキングの「交換」からも手続きできます）`,
    ],
  };
}

export function reissueReceipt(a: Slip & { reasonLabel: string; lostSerial: string; newSerial: string; fee: FeeQuote; payment: PaymentMethod }): CounterDocument {
  const lost = formatSerial(a.lostSerial, a.branch.serialFormat);
  return {
    title: 'ハードウェアトークン再発行 領収書',
    ...head(a, a.contract),
    details: [
      { label: 'お取引', value: `ハードウェアトークン再発行（${a.reasonLabel}）` },
      { label: '利用停止したシリアル番号', value: lost },
      { label: '新しいシリアル番号', value: formatSerial(a.newSerial, a.branch.serialFormat) },
      { label: '本人確認書類', value: IDENTITY_DOCUMENTS[a.identityDocument] },
    ],
    ...paidInvoice(a.fee, a.payment),
    notices: [`紛失・盗難のトークン（${lost}）は利用を停止しました。見つかってもご利用いただけません。`, START_AGAIN],
  };
}

export function suspensionSlip(a: Slip & { serial: string }): CounterDocument {
  return {
    title: 'ワンタイムパスワード 利用中止受付票',
    ...head(a, a.contract),
    details: [
      { label: 'お取引', value: '利用中止届（携帯電話のお客さま）' },
      { label: '利用中止したシリアル番号', value: formatSerial(a.serial, a.branch.serialFormat) },
      { label: '本人確認書類', value: IDENTITY_DOCUMENTS[a.identityDocument] },
    ],
    notices: [
      'ワンタイムパスワードの利用を中止しました。本日ただいまより、お振込等の資金移動のお取引は制限されます。',
      '利用中止したトークンは再度ご利用いただけません。',
      `再開をご希望の際は、窓口で新しいハードウェアトークンの発行をお申込みのうえ、${START_AGAIN}`,
    ],
  };
}

/** 取消受付票: a transaction undone with a second person's approval; a refund where a fee was paid. */
export function voidSlip(
  a: Slip & {
    original: { title: string; receiptNo: string; acceptedAt: Date; details: CounterDocument['details'] };
    refund: { fee: FeeQuote; payment: PaymentMethod } | null;
    reason: string;
  },
): CounterDocument {
  return {
    title: '取引の取消 受付票',
    ...head(a, a.contract),
    details: [
      { label: 'お取引', value: `${a.original.title}の取消` },
      { label: '取り消した受付番号', value: a.original.receiptNo },
      ...a.original.details.filter((d) => d.label !== 'お取引'),
      { label: '取消の理由', value: a.reason },
    ],
    ...(a.refund
      ? {
          refund: {
            description: a.refund.fee.description,
            totalInclTax: a.refund.fee.totalInclTax,
            taxRatePercent: a.refund.fee.taxRatePercent,
            tax: a.refund.fee.tax,
            net: a.refund.fee.net,
            paymentMethod: PAYMENT_LABELS[a.refund.payment],
            originalReceiptNo: a.original.receiptNo,
            originalDate: a.original.acceptedAt,
          },
        }
      : {}),
    notices: [`受付番号 ${a.original.receiptNo} のお取引を取り消しました。`],
  };
}
