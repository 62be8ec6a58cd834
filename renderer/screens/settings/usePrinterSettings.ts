import { useEffect, useState } from 'react';
import { describePrinterSettings, printFailureMessage, type ApiError, type PrinterSettings, type ResponseOf, type Result } from '../../../services/contract';
import { call } from '../../api';
import { usePdfUrls } from '../../hooks/usePdfUrls';
import { useStatus } from '../../hooks/useStatus';

type Loaded = ResponseOf<'printerSettings'>;

/**
 * 店舗設定 → プリンター: the terminal's settings and the system's printers as the host lists them
 * (null in browser mode), their save, and a test page with what is on the screen.
 */
export function usePrinterSettings() {
  const say = useStatus();
  const pdfs = usePdfUrls();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<Pick<ApiError, 'message' | 'fieldErrors'> | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void call('printerSettings', {}).then((r) => {
      if (!live) return;
      if (r.ok) setLoaded(r.value);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, []);

  /** One call at a time; its answer, or null with the refusal kept for the form. */
  async function send<T>(request: () => Promise<Result<T>>): Promise<T | null> {
    if (busy) return null;
    setBusy(true);
    const r = await request();
    setBusy(false);
    if (!r.ok) setError(r.error);
    return r.ok ? r.value : null;
  }

  async function save(settings: PrinterSettings) {
    const saved = await send(() => call('printerSettingsUpdate', settings));
    if (!saved) return;
    setError(null);
    setLoaded((l) => (l ? { ...l, settings: saved.settings } : l));
    say(`プリンターの設定を変更しました（${describePrinterSettings(saved.settings)}）。次に印刷する書類から適用します。`);
  }

  async function testPage(settings: PrinterSettings) {
    const page = await send(() => call('printerTestPage', settings));
    if (!page) return;
    if (page.print.state === 'failed') {
      setError({ message: printFailureMessage(page.print, 'テスト印刷') });
      return;
    }
    setError(null);
    if (page.print.state === 'viewer') pdfs.show(page.pdfBase64);
    say(page.print.state === 'printed' ? 'テスト印刷をプリンターに送りました。枠と目盛りが用紙に収まっているか確かめてください。' : 'テスト印刷を別ウィンドウで開きました。');
  }

  return { loaded, error, busy, save, testPage };
}

export type PrinterSettingsState = ReturnType<typeof usePrinterSettings>;
