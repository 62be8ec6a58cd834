/** Receipts arrive as base64 PDF bytes; the screen shows them through a blob: URL. */

export function pdfBlobUrl(pdfBase64: string): string {
  const binary = atob(pdfBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
}

/** Open the PDF in a new window; popups may be blocked, so callers also render a link. */
export function openPdfWindow(url: string): void {
  try {
    window.open(url, '_blank');
  } catch {
    // The link stays on screen.
  }
}
