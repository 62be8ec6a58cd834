import { useCallback, useEffect, useRef } from 'react';
import { openPdfWindow, pdfBlobUrl } from '../pdf';

/**
 * Shows PDFs that arrive as base64 (receipts, slips, return lists): each becomes a blob: URL,
 * opened in a window at once (the screen also keeps a link, in case the popup was blocked).
 * The URLs are revoked on revokeAll() and when the screen goes away.
 */
export function usePdfUrls(): { show: (pdfBase64: string) => string; revokeAll: () => void } {
  const urls = useRef<string[]>([]);

  const revokeAll = useCallback(() => {
    for (const url of urls.current) URL.revokeObjectURL(url);
    urls.current = [];
  }, []);

  useEffect(() => revokeAll, [revokeAll]);

  const show = useCallback((pdfBase64: string) => {
    const url = pdfBlobUrl(pdfBase64);
    urls.current.push(url);
    openPdfWindow(url);
    return url;
  }, []);

  return { show, revokeAll };
}
