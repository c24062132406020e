/**
 * Hands text (or a file's bytes) to the browser as a file download. A blob: link with `download` is a download, not a
 * navigation, so neither the CSP (which governs loads) nor the navigation guards in
 * main/shells/electron/security.ts stop it; Electron asks where to save it.
 */
export function offerDownload(file: {
  filename: string;
  mimeType: string;
  text: string | Uint8Array<ArrayBuffer>;
}): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some engines; a minute is ample.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
