import { join } from 'node:path';
import type { SavePdfOutcome } from '../../contract/types';
import type { BaseWindow, Dialog, PrintToPDFOptions, WebContents } from 'electron';

/**
 * How any printable screen becomes a PDF: A4, backgrounds kept (status boxes and borders), the
 * page's own `@page` size and margins preferred, headings as the PDF outline, and tagged so a
 * screen reader can read the file.
 */
export const PDF_OPTIONS: PrintToPDFOptions = {
  pageSize: 'A4',
  printBackground: true,
  preferCSSPageSize: true,
  displayHeaderFooter: false,
  generateDocumentOutline: true,
  generateTaggedPDF: true,
};

/** The electron pieces savePdfFromWindow needs, injected so tests use fakes. */
export interface SavePdfDeps {
  /** The window whose page is saved; null when it has closed. */
  window: () => (BaseWindow & { webContents: Pick<WebContents, 'printToPDF'> }) | null;
  dialog: Pick<Dialog, 'showSaveDialog'>;
  /** The folder the save dialog opens in (the user's Documents). */
  defaultDir: () => string;
  /** Writes the whole file or fails; the desktop app passes the durable write. */
  writeFile: (path: string, data: Uint8Array) => Promise<void>;
  log?: (message: string, error: unknown) => void;
}

/**
 * Asks where to save, renders the page as it prints and writes the PDF; never throws. The user
 * picks the folder, so the file can go straight onto a USB stick for the paper pack.
 */
export async function savePdfFromWindow(
  suggestedName: string,
  deps: SavePdfDeps,
): Promise<SavePdfOutcome> {
  const window = deps.window();
  if (!window || window.isDestroyed())
    return { saved: false, reason: 'The Holdfast window is closed.' };
  let path: string | undefined;
  try {
    const choice = await deps.dialog.showSaveDialog(window, {
      title: 'Save as PDF',
      defaultPath: join(deps.defaultDir(), suggestedName),
      filters: [{ name: 'PDF document', extensions: ['pdf'] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    if (choice.canceled || !choice.filePath)
      return { saved: false, reason: 'Cancelled. Nothing was saved.' };
    path = choice.filePath;
  } catch (error: unknown) {
    deps.log?.('save dialog failed', error);
    return { saved: false, reason: 'Holdfast could not open the save window. Use Print instead.' };
  }
  try {
    const pdf = await window.webContents.printToPDF(PDF_OPTIONS);
    await deps.writeFile(path, pdf);
    return { saved: true, path };
  } catch (error: unknown) {
    deps.log?.('savePdf failed', error);
    return {
      saved: false,
      reason:
        'The PDF could not be saved there. Check the folder or USB stick has space and is not read-only, then try again.',
    };
  }
}
