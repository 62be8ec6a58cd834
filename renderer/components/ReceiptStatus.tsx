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
 * What happened to a receipt or slip: printed, or opened as a PDF (with a link if the popup
 * was blocked). `documentName` is what the customer is handed: 領収書, 交換受付票 …
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
  return (
    <p className="receipt-status" role="status">
      {`${documentName}${receipt.sentToPrinter ? 'をプリンターに送りました。' : 'を別ウィンドウで開きました。'}`}
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
