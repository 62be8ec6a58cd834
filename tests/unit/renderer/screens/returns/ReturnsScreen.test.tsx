// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { App } from '../../../../../renderer/app/App';
import { MANAGER, fakeApi } from '../../../../support/fake-api';
import { freshWindowEachTest, go } from '../../../../support/screen';

freshWindowEachTest();

describe('回収トークン', () => {
  it('chooses all collected tokens by default, makes the batch of the chosen ones and links its list', async () => {
    const tokens = ['EX0000000001', 'EX0000000002', 'EX0000000003'].map((serial) => ({ serial, contractId: 'C0012345', collectedAt: '2026-11-25T01:00:00.000Z' }));
    const returnsCreateBatch = vi.fn((req: { serials: string[] }) =>
      Promise.resolve({ ok: true as const, value: { batchId: 4, count: req.serials.length, pdfBase64: btoa('%PDF-1.4') } }),
    );
    fakeApi(MANAGER, { returnsCollected: vi.fn(() => Promise.resolve({ ok: true as const, value: { tokens } })), returnsCreateBatch });
    const open = vi.spyOn(window, 'open').mockImplementation(() => null);
    go('returns');
    render(<App />);
    const second = await screen.findByLabelText('EX0000000002 を返却する');
    for (const t of tokens) expect((screen.getByLabelText(`${t.serial} を返却する`) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('すべて選択') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(second);
    expect((screen.getByLabelText('すべて選択') as HTMLInputElement).checked).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: '返却一覧を作成' }));
    expect((await screen.findByTestId('batch-id')).textContent).toBe('4');
    expect(returnsCreateBatch).toHaveBeenCalledWith({ serials: ['EX0000000001', 'EX0000000003'] });
    expect(screen.getByTestId('batch-count').textContent).toBe('2個');
    expect(screen.getByRole('link', { name: '返却一覧PDFを開く' }).getAttribute('href')).toMatch(/^blob:/);
    expect(open).toHaveBeenCalledTimes(1);
  });
});
