import { printFailureMessage } from '../../services/contract';
import type { ReceiptView } from '../hooks/useReceipts';

/** A link to a PDF shown through a blob: URL (the window may have been blocked). */
export function PdfLink({ url, documentName }: { url: string; documentName: string }) {
  return (
    <a href={url} target="_blank" rel="noopener">
      {documentName}PDFを開く
    </a>
  );
}

/**
 * What happened to a receipt or slip: printed, opened as a PDF (with a link if the popup was
 * blocked), or not printed, with 再印刷. `documentName` is what the customer is handed: 領収書,
 * 交換受付票 …
 */
export function ReceiptStatus({ receipt, documentName = '領収書' }: { receipt: ReceiptView | undefined; documentName?: string }) {
  if (!receipt) return null;
  if (receipt.busy) return <p className="receipt-status">{documentName}を準備しています…</p>;
  if (receipt.error) {
    return (
      <p className="field-error" role="alert">
        {receipt.error}
      </p>
    );
  }
  const { print, retry } = receipt;
  if (print?.state === 'failed') {
    return (
      <div className="receipt-status receipt-status--failed" role="alert">
        <p>{printFailureMessage(print, documentName)}</p>
        {retry ? (
          <button type="button" className="button button--primary button--small" onClick={() => void retry()}>
            再印刷
          </button>
        ) : null}
      </div>
    );
  }
  return (
    <p className="receipt-status" role="status">
      {print?.state === 'printed' ? `${documentName}をプリンターに送りました（${print.copies}部）。` : `${documentName}を別ウィンドウで開きました。`}
      {receipt.printCount !== undefined ? `（印刷回数 ${receipt.printCount}回）` : ''}
      {receipt.url ? (
        <>
          {' '}
          <PdfLink url={receipt.url} documentName={documentName} />
        </>
      ) : null}
    </p>
  );
}
