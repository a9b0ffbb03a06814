import type { ExportedFile } from '../../src-shared/api';

/**
 * Save an exported file where the UI runs: a browser downloads it, the desktop app asks where to save it.
 * A blob URL keeps the text on this side, so no second request carries it.
 */
export function saveFile(file: ExportedFile): void {
  const url = URL.createObjectURL(new Blob([file.content], { type: `${file.mimeType};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: the download reads the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
