import { describe, expect, it } from 'vitest';
import { refusal } from '../../support/refusal';
import {
  formatSerial,
  invoiceRegNoCheckDigit,
  isFullWidthKatakana,
  normalizeInput,
  normalizeSerial,
  SERIAL_FORMATS,
  toFullWidthKatakana,
  validateApplicationForm,
  validateInvoiceRegNo,
  validateOperatorId,
  validatePassword,
  validateSerial,
  validateSetup,
  type ApplicationFormInput,
  type SetupInput,
} from '../../../domain/validation';

describe('normalizeInput', () => {
  it('turns full-width digits, letters and spaces into half-width and trims', () => {
    expect(normalizeInput('\u3000ＡＢｃ１２３ ')).toBe('ABc123');
    expect(normalizeInput('１０１')).toBe('101');
  });
});

describe('serial numbers', () => {
  it('normalise full-width input, spaces and hyphens to upper-case', () => {
    expect(normalizeSerial('ａｂ１２-３４５６ ７８９０')).toBe('AB1234567890');
    expect(normalizeSerial('AB12ー3456ー7890')).toBe('AB1234567890');
    expect(validateSerial(' ab12－3456－7890 ', 'ALNUM_12')).toBe('AB1234567890');
  });

  it.each(['AB123456789', 'AB12345678901', 'AB12345678_0', 'ＡＢ１２３４５６７８９', ''])('refuse %j under 英数字12桁', (raw) => {
    const e = refusal(() => validateSerial(raw, 'ALNUM_12'));
    expect(e.code).toBe('SERIAL_FORMAT');
    expect(e.message).toBe('シリアル番号は英数字12桁で入力してください');
    expect(e.field).toBe('serial');
  });

  it('follow the rule the bank chose: 13 digits, or 10 digits printed in 2-7-1 groups', () => {
    expect(validateSerial('１２３４５６７８９０１２３', 'DIGITS_13')).toBe('1234567890123');
    expect(refusal(() => validateSerial('AB1234567890', 'DIGITS_13')).message).toBe('シリアル番号は数字13桁で入力してください');
    expect(refusal(() => validateSerial('A234567890123', 'DIGITS_13')).code).toBe('SERIAL_FORMAT');
    expect(validateSerial('12-3456789-0', 'DIGITS_10_GROUPED')).toBe('1234567890');
    expect(refusal(() => validateSerial('1234567890123', 'DIGITS_10_GROUPED')).message).toBe('シリアル番号は数字10桁で入力してください');
  });

  it('print in the rule’s groups, and a serial kept under another rule as kept', () => {
    expect(formatSerial('1234567890', 'DIGITS_10_GROUPED')).toBe('12-3456789-0');
    expect(formatSerial('AB1234567890', 'DIGITS_10_GROUPED')).toBe('AB1234567890');
    expect(formatSerial('1234567890123', 'DIGITS_13')).toBe('1234567890123');
    expect(formatSerial('AB1234567890', 'ALNUM_12')).toBe('AB1234567890');
    // What is printed reads back to what is kept, under every rule.
    for (const format of SERIAL_FORMATS) {
      for (const kept of ['AB1234567890', '1234567890123', '1234567890']) expect(normalizeSerial(formatSerial(kept, format))).toBe(kept);
    }
  });
});

describe('katakana', () => {
  it('converts half-width kana (with voiced marks), hiragana and spaces', () => {
    expect(toFullWidthKatakana('ﾔﾏﾀﾞ ﾀﾛｳ')).toBe('ヤマダ\u3000タロウ');
    expect(toFullWidthKatakana('やまだ　たろう')).toBe('ヤマダ\u3000タロウ');
    expect(toFullWidthKatakana(' ｻﾄｳ  ﾊﾟｰｸ ')).toBe('サトウ\u3000パーク');
    expect(toFullWidthKatakana('ゔぃおら')).toBe('ヴィオラ');
  });

  it('recognises only katakana, ー, ヴ and the full-width space', () => {
    expect(isFullWidthKatakana('ヤマダ\u3000タロー')).toBe(true);
    expect(isFullWidthKatakana('ヴァイオリン')).toBe(true);
    expect(isFullWidthKatakana('ヤマダ タロウ')).toBe(false); // half-width space
    expect(isFullWidthKatakana('ﾔﾏﾀﾞ')).toBe(false);
    expect(isFullWidthKatakana('やまだ')).toBe(false);
    expect(isFullWidthKatakana('山田')).toBe(false);
    expect(isFullWidthKatakana('YAMADA')).toBe(false);
    expect(isFullWidthKatakana('')).toBe(false);
  });
});

describe('invoice registration numbers', () => {
  it('compute the 法人番号 check digit', () => {
    // 国税庁 7000012050002 and トヨタ自動車 1180301018771, as published on the 法人番号 site.
    expect(invoiceRegNoCheckDigit('000012050002')).toBe(7);
    expect(invoiceRegNoCheckDigit('180301018771')).toBe(1);
    // Worked by hand: weights 1,2,1,2… from the right over 123456789012 sum to 74; 9 − (74 mod 9) = 7.
    expect(invoiceRegNoCheckDigit('123456789012')).toBe(7);
    expect(invoiceRegNoCheckDigit('000000000000')).toBe(9);
  });

  it('accept published numbers, full-width Ｔ and digits, lower-case t, spaces and hyphens', () => {
    expect(validateInvoiceRegNo('T7000012050002')).toBe('T7000012050002');
    expect(validateInvoiceRegNo('Ｔ１１８０３０１０１８７７１')).toBe('T1180301018771');
    expect(validateInvoiceRegNo('t7123456789012')).toBe('T7123456789012');
    expect(validateInvoiceRegNo(' T7-0000-1205-0002 ')).toBe('T7000012050002');
  });

  it.each(['7000012050002', 'T700001205000', 'T70000120500021', 'X7000012050002', 'T70000120500O2', ''])(
    'refuse the format of %j',
    (raw) => {
      const e = refusal(() => validateInvoiceRegNo(raw));
      expect(e.code).toBe('INVOICE_REG_NO_FORMAT');
      expect(e.field).toBe('invoiceRegNo');
      expect(e.message).toContain('13桁');
    },
  );

  it('refuse a wrong check digit with its own message', () => {
    for (const raw of ['T8000012050002', 'T7000012050003', 'T1123456789012']) {
      const e = refusal(() => validateInvoiceRegNo(raw));
      expect(e.code).toBe('INVOICE_REG_NO_CHECK');
      expect(e.field).toBe('invoiceRegNo');
      expect(e.message).toContain('誤り');
    }
  });
});

describe('validateOperatorId and validatePassword', () => {
  it('normalise an operator ID and keep its case', () => {
    expect(validateOperatorId(' ｔａｎａｋａ０１ ')).toBe('tanaka01');
    expect(validateOperatorId('M01')).toBe('M01');
    expect(validateOperatorId('A'.repeat(20))).toBe('A'.repeat(20));
  });

  it.each(['ab', 'A'.repeat(21), 'tana ka', 'tanaka-01', '田中'])('refuse operator ID %j', (raw) => {
    const e = refusal(() => validateOperatorId(raw));
    expect(e.code).toBe('OPERATOR_ID_FORMAT');
    expect(e.field).toBe('operatorId');
  });

  it('accept 8+ characters with a letter and a digit (full-width typed → half-width)', () => {
    expect(validatePassword('abcdefg1')).toBe('abcdefg1');
    expect(validatePassword('ｐａｓｓｗｏｒｄ１')).toBe('password1');
  });

  it.each(['abc1234', 'abcdefgh', '12345678', ''])('refuse password %j', (raw) => {
    const e = refusal(() => validatePassword(raw));
    expect(e.code).toBe('PASSWORD_WEAK');
    expect(e.field).toBe('password');
    expect(e.message).toContain('8文字以上');
  });
});

const goodForm: ApplicationFormInput = {
  contractId: 'ＡＢ１２３４５６７８',
  nameKanji: ' 山田 太郎 ',
  nameKana: 'ﾔﾏﾀﾞ ﾀﾛｳ',
  accountBranch: '１０１',
  accountSubject: '01',
  accountNumber: '１２３４',
  featurePhone: true,
  identityDocument: 'MY_NUMBER_CARD',
  sealChecked: true,
};

describe('validateApplicationForm', () => {
  it('returns the normalised form', () => {
    expect(validateApplicationForm(goodForm)).toEqual({
      ok: true,
      value: {
        contractId: 'AB12345678',
        nameKanji: '山田\u3000太郎',
        nameKana: 'ヤマダ\u3000タロウ',
        account: { branchCode: '101', subject: '01', number: '0001234' },
        featurePhone: true,
        identityDocument: 'MY_NUMBER_CARD',
        sealChecked: true,
      },
    });
  });

  it('keeps upper- and lower-case contract IDs as typed and variant kanji untouched', () => {
    // U+FA19 is a CJK compatibility ideograph that NFC/NFKC would turn into U+795E.
    const r = validateApplicationForm({ ...goodForm, contractId: 'abCD12', nameKanji: '\uFA19谷 髙橋' });
    expect(r.ok && r.value.contractId).toBe('abCD12');
    expect(r.ok && r.value.nameKanji).toBe('\uFA19谷\u3000髙橋');
  });

  it('collects every field error at once, keyed by the form field', () => {
    const r = validateApplicationForm({
      contractId: 'A1',
      nameKanji: '   ',
      nameKana: 'Yamada',
      accountBranch: '1010',
      accountSubject: '03',
      accountNumber: '12345678',
      featurePhone: false,
      identityDocument: '',
      sealChecked: false,
    });
    expect(r).toEqual({
      ok: false,
      errors: {
        contractId: '契約者IDは英数字4〜16桁で入力してください',
        nameKanji: 'お名前（漢字）を入力してください',
        nameKana: 'お名前（カナ）はカタカナで入力してください',
        accountBranch: '店番は数字3桁で入力してください',
        accountSubject: expect.stringContaining('科目を選択してください'),
        accountNumber: '口座番号は数字7桁以内で入力してください',
        identityDocument: '確認した本人確認書類を選択してください',
        sealChecked: 'お届け印の照合を確認してください',
      },
    });
  });

  it('reports one field alone when only it is wrong', () => {
    expect(validateApplicationForm({ ...goodForm, sealChecked: false })).toEqual({
      ok: false,
      errors: { sealChecked: 'お届け印の照合を確認してください' },
    });
    expect(validateApplicationForm({ ...goodForm, identityDocument: 'toString' })).toEqual({
      ok: false,
      errors: { identityDocument: '確認した本人確認書類を選択してください' },
    });
  });

  it('checks the length limits', () => {
    expect(validateApplicationForm({ ...goodForm, contractId: 'A'.repeat(16) }).ok).toBe(true);
    const long = validateApplicationForm({ ...goodForm, contractId: 'A'.repeat(17), nameKanji: '山'.repeat(31), nameKana: '' });
    expect(long.ok ? {} : long.errors).toEqual({
      contractId: '契約者IDは英数字4〜16桁で入力してください',
      nameKanji: 'お名前（漢字）は30文字以内で入力してください',
      nameKana: 'お名前（カナ）を入力してください',
    });
    expect(validateApplicationForm({ ...goodForm, nameKanji: '𠮷'.repeat(30) }).ok).toBe(true);
  });

  it('pads a one-digit subject and accepts every listed subject and document', () => {
    const r = validateApplicationForm({ ...goodForm, accountSubject: '４', identityDocument: 'DRIVERS_LICENSE' });
    expect(r.ok && r.value.account.subject).toBe('04');
    expect(r.ok && r.value.identityDocument).toBe('DRIVERS_LICENSE');
    expect(validateApplicationForm({ ...goodForm, accountSubject: '02', accountNumber: '9999999' }).ok).toBe(true);
  });
});

const goodSetup: SetupInput = {
  bankName: 'みどり信用金庫',
  branchCode: '１０１',
  branchName: '本店営業部',
  terminalNo: '2',
  invoiceRegNo: 'ｔ７００００１２０５０００２',
  nameOnDocuments: 'FAMILY',
  serialFormat: 'DIGITS_13',
  managerId: 'Yakuseki01',
  managerName: '佐藤 花子',
  managerPassword: 'Passw0rd!',
  recoveryPassphrase: '支店の金庫は二人で開けます',
};

describe('validateSetup', () => {
  it('returns the branch and the first manager, normalised', () => {
    expect(validateSetup(goodSetup)).toEqual({
      ok: true,
      value: {
        branch: {
          bankName: 'みどり信用金庫',
          branchCode: '101',
          branchName: '本店営業部',
          terminalNo: '02',
          invoiceRegNo: 'T7000012050002',
          nameOnDocuments: 'FAMILY',
          serialFormat: 'DIGITS_13',
        },
        manager: { operatorId: 'Yakuseki01', name: '佐藤\u3000花子', password: 'Passw0rd!' },
        recoveryPassphrase: '支店の金庫は二人で開けます',
      },
    });
  });

  it('collects every error under the SetupRequest field names', () => {
    const r = validateSetup({
      bankName: '',
      branchCode: '12',
      branchName: '店'.repeat(31),
      terminalNo: '123',
      invoiceRegNo: 'T7000012050003',
      nameOnDocuments: 'INITIAL',
      serialFormat: 'ALNUM_12',
      managerId: 'm',
      managerName: ' ',
      managerPassword: 'short',
      recoveryPassphrase: 'short',
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.errors).sort()).toEqual(
      ['bankName', 'branchCode', 'branchName', 'terminalNo', 'invoiceRegNo', 'managerId', 'managerName', 'managerPassword', 'recoveryPassphrase'].sort(),
    );
    expect(r.errors.recoveryPassphrase).toBe('復元用パスフレーズは12文字以上で入力してください（短い文でもかまいません）');
    expect(r.errors.invoiceRegNo).toContain('誤り');
    expect(r.errors.managerId).toBe('オペレーターIDは英数字3〜20桁で入力してください');
    expect(r.errors.managerPassword).toContain('8文字以上');
    expect(r.errors.terminalNo).toBe('端末番号は数字2桁以内で入力してください');
  });

  it('asks for a recovery passphrase of 12 characters or more, not one repeated, other than the manager’s password', () => {
    const passphrase = (recoveryPassphrase: string) => {
      const r = validateSetup({ ...goodSetup, recoveryPassphrase });
      return r.ok ? r.value.recoveryPassphrase : r.errors.recoveryPassphrase;
    };
    expect(passphrase('二十四時間窓口は閉まります')).toBe('二十四時間窓口は閉まります');
    expect(passphrase('ＣｏｕｎｔｅｒＴｏｋｅｎ２６')).toBe('CounterToken26');
    expect(passphrase('十一文字しかない合言葉')).toContain('12文字以上');
    expect(passphrase('ああああああああああああ')).toContain('12文字以上');
    expect(passphrase('           a')).toContain('12文字以上');
    const same = validateSetup({ ...goodSetup, managerPassword: 'Passw0rd!2026', recoveryPassphrase: 'Passw0rd!2026' });
    expect(same.ok ? '' : same.errors.recoveryPassphrase).toContain('役席者のパスワードとは別のもの');
  });

  it('refuses a malformed registration number with the format message', () => {
    const r = validateSetup({ ...goodSetup, invoiceRegNo: '7000012050002' });
    expect(r).toEqual({ ok: false, errors: { invoiceRegNo: expect.stringContaining('13桁') } });
  });
});
