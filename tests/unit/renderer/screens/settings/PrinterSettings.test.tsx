// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { App } from '../../../../../renderer/app/App';
import type { PrinterSettings } from '../../../../../services/contract';
import { MANAGER, fakeApi } from '../../../../support/fake-api';
import { describedTexts, freshWindowEachTest, go } from '../../../../support/screen';

freshWindowEachTest();

const SAVED: PrinterSettings = { printerName: 'Canon_LBP221', paper: 'A4', customerCopies: 1, branchCopies: 1, silent: false };
const DESKTOP = {
  settings: SAVED,
  printers: [
    { name: 'EPSON_TM_T88VII', displayName: 'EPSON TM-T88VII' },
    { name: 'Canon_LBP221', displayName: 'Canon_LBP221' },
  ],
};

function desktop(extra: Record<string, unknown> = {}) {
  const printerSettingsUpdate = vi.fn((req: PrinterSettings) => Promise.resolve({ ok: true as const, value: { settings: req } }));
  const api = fakeApi(MANAGER, { printerSettings: vi.fn(() => Promise.resolve({ ok: true as const, value: DESKTOP })), printerSettingsUpdate, ...extra });
  go('settings');
  render(<App />);
  return api;
}

describe('店舗設定: プリンター', () => {
  it("a manager picks the roll printer from the system's list, the roll paper and two customer copies typed full-width, and saves", async () => {
    const api = desktop();
    const printer = (await screen.findByLabelText('プリンター')) as HTMLSelectElement;
    expect([...printer.options].map((o) => o.text)).toEqual(['システムの既定のプリンター', 'EPSON TM-T88VII（EPSON_TM_T88VII）', 'Canon_LBP221']);
    expect(printer.value).toBe('Canon_LBP221');
    expect(screen.queryByText(/ブラウザーで開いています/)).toBeNull();
    fireEvent.change(printer, { target: { value: 'EPSON_TM_T88VII' } });
    fireEvent.click(screen.getByLabelText('ロール紙（80mm）'));
    fireEvent.change(screen.getByLabelText('お客さま控の部数'), { target: { value: '２' } });
    fireEvent.click(screen.getByLabelText('確認画面なしで印刷'));
    fireEvent.click(screen.getByRole('button', { name: 'プリンターの設定を登録' }));
    expect(await screen.findByText(/プリンターの設定を変更しました（プリンター：EPSON_TM_T88VII ／ 用紙：ロール紙（80mm） ／ お客さま控 2部・店舗控 1部 ／ 確認画面なしで印刷）/)).toBeTruthy();
    expect(api.printerSettingsUpdate).toHaveBeenCalledWith({ printerName: 'EPSON_TM_T88VII', paper: 'ROLL_80', customerCopies: 2, branchCopies: 1, silent: true });
  });

  it('says which count is wrong at its field and sends nothing; a printer gone from the system stays visible as missing', async () => {
    const api = desktop({
      printerSettings: vi.fn(() => Promise.resolve({ ok: true as const, value: { ...DESKTOP, settings: { ...SAVED, printerName: 'OLD_PRINTER' } } })),
    });
    const printer = (await screen.findByLabelText('プリンター')) as HTMLSelectElement;
    expect(printer.selectedOptions[0]!.text).toBe('OLD_PRINTER（見つかりません）');
    const copies = screen.getByLabelText('店舗控の部数');
    fireEvent.change(copies, { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: 'プリンターの設定を登録' }));
    expect(describedTexts(copies)).toContain('部数は 1〜5 の数字で入力してください。');
    expect((copies as HTMLInputElement).value).toBe('0');
    expect(api.printerSettingsUpdate).not.toHaveBeenCalled();
  });

  it('prints a test page with what is on the screen, and says plainly when the printer did not print it', async () => {
    const printerTestPage = vi.fn(() =>
      Promise.resolve({ ok: true as const, value: { pdfBase64: btoa('%PDF-1.4'), print: { state: 'failed' as const, cancelled: false, reason: 'プリンターが印刷できませんでした' } } }),
    );
    desktop({ printerTestPage });
    fireEvent.click(await screen.findByLabelText('A5'));
    fireEvent.click(screen.getByRole('button', { name: 'テスト印刷' }));
    expect(await screen.findByText(/テスト印刷を印刷できませんでした（プリンターが印刷できませんでした）/)).toBeTruthy();
    expect(printerTestPage).toHaveBeenCalledWith({ ...SAVED, paper: 'A5' });
  });

  it('in browser mode says what needs the desktop app, leaves only the paper to choose, and opens the test page in the viewer', async () => {
    const printerTestPage = vi.fn(() => Promise.resolve({ ok: true as const, value: { pdfBase64: btoa('%PDF-1.4'), print: { state: 'viewer' as const } } }));
    const opened = vi.spyOn(window, 'open').mockImplementation(() => null);
    fakeApi(MANAGER, { printerTestPage });
    go('settings');
    render(<App />);
    expect(await screen.findByText(/プリンターの選択・部数・確認画面なしの印刷はデスクトップ版の madoguchi でだけ働きます/)).toBeTruthy();
    expect((screen.getByLabelText('プリンター') as HTMLSelectElement).disabled).toBe(true);
    expect((screen.getByLabelText('お客さま控の部数') as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByLabelText('確認画面なしで印刷') as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByLabelText('ロール紙（80mm）') as HTMLInputElement).disabled).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'テスト印刷' }));
    expect(await screen.findByText('テスト印刷を別ウィンドウで開きました。')).toBeTruthy();
    expect(opened).toHaveBeenCalledTimes(1);
  });
});
