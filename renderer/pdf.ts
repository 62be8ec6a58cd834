/** Receipts, reports and exports arrive as base64 bytes; the screen shows or offers them through a blob: URL. */

export function blobUrl(base64: string, type: string): string {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return URL.createObjectURL(new Blob([bytes], { type }));
}

export function pdfBlobUrl(pdfBase64: string): string {
  return blobUrl(pdfBase64, 'application/pdf');
}

/** Open the PDF in a new window; popups may be blocked, so callers also render a link. */
export function openPdfWindow(url: string): void {
  try {
    window.open(url, '_blank');
  } catch {
    // The link stays on screen.
  }
}
