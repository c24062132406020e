import { describe, expect, it, vi } from 'vitest';
import { PDF_OPTIONS, savePdfFromWindow, type SavePdfDeps } from './pdf';
import type { PrintToPDFOptions, SaveDialogOptions } from 'electron';

const PDF = new Uint8Array([37, 80, 68, 70, 45]);

type SaveDialog = (
  window: unknown,
  options: SaveDialogOptions,
) => Promise<{ canceled: boolean; filePath: string }>;

function fakes(
  overrides: {
    showSaveDialog?: SaveDialog;
    writeFile?: SavePdfDeps['writeFile'];
    hasWindow?: boolean;
  } = {},
) {
  const window = {
    isDestroyed: () => false,
    webContents: { printToPDF: vi.fn(async (_options: PrintToPDFOptions) => PDF) },
  };
  const showSaveDialog = vi.fn(
    overrides.showSaveDialog ??
      (async () => ({ canceled: false, filePath: 'E:\\Grab bag\\pack.pdf' })),
  );
  const writeFile = vi.fn(overrides.writeFile ?? (async () => {}));
  const log = vi.fn();
  const deps: SavePdfDeps = {
    window: () =>
      overrides.hasWindow === false
        ? null
        : (window as unknown as ReturnType<SavePdfDeps['window']>),
    dialog: { showSaveDialog } as unknown as SavePdfDeps['dialog'],
    defaultDir: () => 'C:\\Users\\manager\\Documents',
    writeFile,
    log,
  };
  return { window, deps, showSaveDialog, writeFile, log };
}

describe('savePdfFromWindow', () => {
  it('asks where to save first, then prints the page to A4 and writes exactly those bytes', async () => {
    const { window, deps, showSaveDialog, writeFile } = fakes();
    expect(await savePdfFromWindow('pack.pdf', deps)).toEqual({
      saved: true,
      path: 'E:\\Grab bag\\pack.pdf',
    });
    const [parent, options] = showSaveDialog.mock.calls[0]!;
    expect(parent).toBe(window);
    expect(options).toMatchObject({
      title: 'Save as PDF',
      filters: [{ name: 'PDF document', extensions: ['pdf'] }],
    });
    expect(options.defaultPath).toMatch(/Documents[\\/]pack\.pdf$/);
    expect(showSaveDialog.mock.invocationCallOrder[0]).toBeLessThan(
      window.webContents.printToPDF.mock.invocationCallOrder[0]!,
    );
    expect(window.webContents.printToPDF).toHaveBeenCalledWith(PDF_OPTIONS);
    expect(writeFile).toHaveBeenCalledWith('E:\\Grab bag\\pack.pdf', PDF);
  });

  it('uses the print stylesheet size and keeps backgrounds, with no header or footer of its own', () => {
    // The page's own repeating footer (organisation, version, date) is the only footer.
    expect(PDF_OPTIONS).toMatchObject({
      pageSize: 'A4',
      preferCSSPageSize: true,
      printBackground: true,
      displayHeaderFooter: false,
      generateTaggedPDF: true,
    });
  });

  it('prints and writes nothing when the user cancels', async () => {
    const { window, deps, writeFile } = fakes({
      showSaveDialog: async () => ({ canceled: true, filePath: '' }),
    });
    expect(await savePdfFromWindow('pack.pdf', deps)).toEqual({
      saved: false,
      reason: 'Cancelled. Nothing was saved.',
    });
    expect(window.webContents.printToPDF).not.toHaveBeenCalled();
    expect(writeFile).not.toHaveBeenCalled();
  });

  it('answers in plain words, without throwing, when the write fails (full or read-only USB stick)', async () => {
    const { deps, log } = fakes({
      writeFile: async () => Promise.reject(new Error('EROFS: read-only file system')),
    });
    const outcome = await savePdfFromWindow('pack.pdf', deps);
    expect(outcome).toMatchObject({
      saved: false,
      reason: expect.stringContaining('could not be saved') as unknown,
    });
    expect(JSON.stringify(outcome)).not.toContain('EROFS');
    expect(log).toHaveBeenCalledWith('savePdf failed', expect.any(Error));
  });

  it('answers without throwing when printing fails or the dialog cannot open', async () => {
    const printing = fakes();
    printing.window.webContents.printToPDF.mockRejectedValueOnce(new Error('Printing failed'));
    expect(await savePdfFromWindow('pack.pdf', printing.deps)).toMatchObject({ saved: false });
    const dialog = fakes({ showSaveDialog: async () => Promise.reject(new Error('no display')) });
    expect(await savePdfFromWindow('pack.pdf', dialog.deps)).toMatchObject({
      saved: false,
      reason: expect.stringContaining('Use Print instead') as unknown,
    });
  });

  it('refuses when the window has gone', async () => {
    const { deps, showSaveDialog } = fakes({ hasWindow: false });
    expect(await savePdfFromWindow('pack.pdf', deps)).toEqual({
      saved: false,
      reason: 'The Holdfast window is closed.',
    });
    expect(showSaveDialog).not.toHaveBeenCalled();
  });
});
