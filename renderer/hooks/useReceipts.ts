import { useCallback, useState } from 'react';
import type { Copy, PrintOutcome } from '../../services/contract';
import { call } from '../api';
import { usePdfUrls } from './usePdfUrls';

/** Where the view of one copy of a receipt is kept in `views`. */
export function viewKey(receiptNo: string, copy: Copy = 'customer'): string {
  return copy === 'branch' ? `${receiptNo}#branch` : receiptNo;
}

export type ReceiptView = {
  busy: boolean;
  /** blob: URL of the PDF when the browser's viewer prints it. */
  url?: string;
  /** What the printer did; a failed print is offered again with `retry`. */
  print?: PrintOutcome;
  retry?: () => Promise<ReceiptView>;
  printCount?: number;
  error?: string;
  /** The refusal's code, e.g. REPRINT_NEEDS_APPROVAL: a second reprint asks for a 検印. */
  errorCode?: string;
};

/**
 * Opens receipts and slips (receiptsOpen) and keeps, per 受付番号, what happened: printed, or a
 * PDF opened in a window plus a link in case the popup was blocked.
 */
export type Receipts = {
  views: Record<string, ReceiptView>;
  /** `approvalId`: the 検印 that allows a reprint after the first. */
  open: (receiptNo: string, reprint: boolean, copy?: Copy, approvalId?: number) => Promise<ReceiptView>;
  reset: () => void;
};

export function useReceipts(): Receipts {
  const [views, setViews] = useState<Record<string, ReceiptView>>({});
  const pdfs = usePdfUrls();
  const { show, revokeAll } = pdfs;

  const open = useCallback(
    (receiptNo: string, reprint: boolean, copy: Copy = 'customer', approvalId?: number): Promise<ReceiptView> => {
      const key = viewKey(receiptNo, copy);
      const attempt = async (): Promise<ReceiptView> => {
        setViews((v) => ({ ...v, [key]: { ...v[key], busy: true, error: undefined } }));
        const result = await call('receiptsOpen', { receiptNo, reprint, copy, ...(approvalId ? { approvalId } : {}) });
        let view: ReceiptView;
        if (!result.ok) {
          view = { busy: false, error: result.error.message, errorCode: result.error.code };
        } else {
          const { print, printCount, pdfBase64 } = result.value;
          view = { busy: false, print, printCount };
          if (print.state === 'viewer') view.url = show(pdfBase64);
          // The same print again: nothing was recorded, so it is not a 再発行.
          if (print.state === 'failed') view.retry = attempt;
        }
        setViews((v) => ({ ...v, [key]: view }));
        return view;
      };
      return attempt();
    },
    [show],
  );

  const reset = useCallback(() => {
    revokeAll();
    setViews({});
  }, [revokeAll]);

  return { views, open, reset };
}
