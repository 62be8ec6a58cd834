import { useEffect, useState } from 'react';
import { describePrinterSettings, printFailureMessage, type PrinterSettings, type ResponseOf } from '../../../services/contract';
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
  const [error, setError] = useState<{ message: string; fieldErrors?: Record<string, string> | undefined } | null>(null);
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

  async function save(settings: PrinterSettings) {
    if (busy) return;
    setBusy(true);
    const r = await call('printerSettingsUpdate', settings);
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    setError(null);
    setLoaded((l) => (l ? { ...l, settings: r.value.settings } : l));
    say(`プリンターの設定を変更しました（${describePrinterSettings(r.value.settings)}）。次に印刷する書類から適用します。`);
  }

  async function testPage(settings: PrinterSettings) {
    if (busy) return;
    setBusy(true);
    const r = await call('printerTestPage', settings);
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    const { print, pdfBase64 } = r.value;
    if (print.state === 'failed') {
      setError({ message: printFailureMessage(print, 'テスト印刷') });
      return;
    }
    setError(null);
    if (print.state === 'viewer') pdfs.show(pdfBase64);
    say(print.state === 'printed' ? 'テスト印刷をプリンターに送りました。枠と目盛りが用紙に収まっているか確かめてください。' : 'テスト印刷を別ウィンドウで開きました。');
  }

  return { loaded, error, busy, save, testPage };
}
