// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from '../../../../../renderer/app/App';
import type { RequestOf } from '../../../../../services/contract';
import { MANAGER, fakeApi } from '../../../../support/fake-api';
import { describedTexts, freshWindowEachTest, go, type } from '../../../../support/screen';

freshWindowEachTest();

type ImportRequest = RequestOf<'stockImport'>;

const imported = (count: number) => ({ ok: true as const, value: { batchId: 2, count, format: 'PSKC', sha256: 'ab'.repeat(32) } });
const wrongKey = {
  ok: false as const,
  error: { code: 'PSKC', message: '事前共有鍵が違います。', fieldErrors: { preSharedKey: '事前共有鍵が違います。' } },
};
const wrongPassword = {
  ok: false as const,
  error: { code: 'PSKC', message: 'パスワードが違います。', fieldErrors: { password: 'パスワードが違います。' } },
};

function choose(name: string) {
  fireEvent.change(screen.getByLabelText('シードファイル'), { target: { files: [new File(['<KeyContainer/>'], name, { type: 'text/xml' })] } });
}

async function importAndWait(stockImport: ReturnType<typeof vi.fn>, calls: number) {
  fireEvent.click(screen.getByRole('button', { name: '取込' }));
  await waitFor(() => expect(stockImport).toHaveBeenCalledTimes(calls));
}

describe('シードファイル取込', () => {
  it('clears the pre-shared key and the password after every import, refused or taken, so that the next file goes without them', async () => {
    const stockImport = vi
      .fn<(req: ImportRequest) => Promise<unknown>>()
      .mockResolvedValueOnce(wrongKey)
      .mockResolvedValueOnce(imported(25))
      .mockResolvedValueOnce(imported(3));
    fakeApi(MANAGER, { stockImport: stockImport as never });
    go('stock');
    render(<App />);
    const key = (await screen.findByLabelText('事前共有鍵')) as HTMLInputElement;
    expect(describedTexts(key)).toContain('暗号化されたPSKCのみ：ベンダーから別送された16進数32・48・64桁（AES-128/192/256）');

    choose('vendor-a.pskc');
    type('事前共有鍵', '00112233445566778899aabbccddeeff');
    await importAndWait(stockImport, 1);
    expect(stockImport.mock.calls[0]![0]).toMatchObject({ fileName: 'vendor-a.pskc', preSharedKeyHex: '00112233445566778899aabbccddeeff' });
    // Refused: the key is gone, and the refusal stands at its field.
    await waitFor(() => expect(key.getAttribute('aria-invalid')).toBe('true'));
    expect(key.value).toBe('');
    expect(describedTexts(key)).toContain('事前共有鍵が違います。');

    type('事前共有鍵', 'ffeeddccbbaa99887766554433221100');
    type('パスワード', 'qwerty');
    await importAndWait(stockImport, 2);
    expect(stockImport.mock.calls[1]![0]).toMatchObject({ preSharedKeyHex: 'ffeeddccbbaa99887766554433221100', password: 'qwerty' });
    expect(await screen.findByTestId('import-count')).toHaveProperty('textContent', '25件');
    expect(key.value).toBe('');
    expect((screen.getByLabelText('パスワード') as HTMLInputElement).value).toBe('');

    // The next file, plain: sent with neither.
    choose('vendor-b.csv');
    await importAndWait(stockImport, 3);
    expect(stockImport.mock.calls[2]![0]).not.toHaveProperty('preSharedKeyHex');
    expect(stockImport.mock.calls[2]![0]).not.toHaveProperty('password');
  });

  it('sends the password of a password-protected file and shows a refusal at the password field', async () => {
    const stockImport = vi.fn<(req: ImportRequest) => Promise<unknown>>().mockResolvedValue(wrongPassword);
    fakeApi(MANAGER, { stockImport: stockImport as never });
    go('stock');
    render(<App />);
    const password = (await screen.findByLabelText('パスワード')) as HTMLInputElement;
    expect(password.type).toBe('password');
    choose('figure7.pskc');
    type('パスワード', 'ｑｗｅｒｔｙ');
    await importAndWait(stockImport, 1);
    expect(stockImport.mock.calls[0]![0]).toMatchObject({ password: 'ｑｗｅｒｔｙ' });
    expect(stockImport.mock.calls[0]![0]).not.toHaveProperty('preSharedKeyHex');
    await waitFor(() => expect(password.getAttribute('aria-invalid')).toBe('true'));
    expect(password.value).toBe('');
    expect(describedTexts(password)).toContain('パスワードが違います。');
    expect(screen.getByRole('alert').textContent).toContain('パスワード：パスワードが違います。');
  });
});
