import type { ReceiptView } from '../hooks/useReceipts';

/** What happened to a receipt: printed, or opened as a PDF (with a link if the popup was blocked). */
export function ReceiptStatus({ receipt }: { receipt: ReceiptView | undefined }) {
  if (!receipt) return null;
  if (receipt.busy) return <p className="receipt-status">領収書を準備しています…</p>;
  if (receipt.error) {
    return (
      <p className="field-error" role="alert">
        {receipt.error}
      </p>
    );
  }
  return (
    <p className="receipt-status" role="status">
      {receipt.sentToPrinter ? '領収書をプリンターに送りました。' : '領収書を別ウィンドウで開きました。'}
      {receipt.printCount !== undefined ? `（印刷回数 ${receipt.printCount}回）` : ''}
      {receipt.url ? (
        <>
          {' '}
          <a href={receipt.url} target="_blank" rel="noopener">
            領収書PDFを開く
          </a>
        </>
      ) : null}
    </p>
  );
}
