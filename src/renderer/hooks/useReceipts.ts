import { useCallback, useState } from 'react';
import { call } from '../api';
import { usePdfUrls } from './usePdfUrls';

export type ReceiptView = {
  busy: boolean;
  /** blob: URL of the PDF when it was not sent to a printer. */
  url?: string;
  sentToPrinter?: boolean;
  printCount?: number;
  error?: string;
};

/**
 * Opens receipts and slips (receiptsOpen) and keeps, per 受付番号, what happened: printed, or a
 * PDF opened in a window plus a link in case the popup was blocked.
 */
export function useReceipts(): {
  views: Record<string, ReceiptView>;
  open: (receiptNo: string, reprint: boolean) => Promise<ReceiptView>;
  reset: () => void;
} {
  const [views, setViews] = useState<Record<string, ReceiptView>>({});
  const pdfs = usePdfUrls();
  const { show, revokeAll } = pdfs;

  const open = useCallback(
    async (receiptNo: string, reprint: boolean): Promise<ReceiptView> => {
      setViews((v) => ({ ...v, [receiptNo]: { ...v[receiptNo], busy: true, error: undefined } }));
      const result = await call('receiptsOpen', { receiptNo, reprint, copy: 'customer' });
      let view: ReceiptView;
      if (!result.ok) {
        view = { busy: false, error: result.error.message };
      } else if (result.value.sentToPrinter) {
        view = { busy: false, sentToPrinter: true, printCount: result.value.printCount };
      } else {
        view = { busy: false, sentToPrinter: false, url: show(result.value.pdfBase64), printCount: result.value.printCount };
      }
      setViews((v) => ({ ...v, [receiptNo]: view }));
      return view;
    },
    [show],
  );

  const reset = useCallback(() => {
    revokeAll();
    setViews({});
  }, [revokeAll]);

  return { views, open, reset };
}
