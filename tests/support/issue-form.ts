/** The 発行受付 form filled in as a teller would, and the server's answer to its 確定. */
import { fireEvent, screen } from '@testing-library/react';
import { type } from './screen';

export async function fillIssueForm(): Promise<void> {
  type('契約者ID', '1234567890');
  type('お名前（漢字）', '信金 太郎');
  type('フリガナ', 'しんきん たろう');
  type('代表口座 店番', '００１');
  fireEvent.change(screen.getByLabelText('科目'), { target: { value: '01' } });
  type('口座番号', '1234567');
  fireEvent.change(screen.getByLabelText('本人確認書類'), { target: { value: 'DRIVERS_LICENSE' } });
  fireEvent.click(screen.getByLabelText('お届け印 照合済'));
  const serial = screen.getByLabelText('シリアル番号');
  fireEvent.change(serial, { target: { value: 'ab12cd34ef56' } });
  fireEvent.blur(serial);
  await screen.findByText('在庫');
  type('ワンタイムパスワード', '123456');
  fireEvent.click(screen.getByLabelText('現金'));
}

export const issued = () =>
  Promise.resolve({
    ok: true as const,
    value: {
      receiptNo: '001-03-000042',
      acceptedAt: '2026-11-25T01:35:25.000Z',
      serial: 'AB12CD34EF56',
      fee: { kind: 'HW_TOKEN_ISSUE' as const, description: 'ハードウェアトークン発行手数料', totalInclTax: 2200, net: 2000, tax: 200, taxRatePercent: 10 },
    },
  });
