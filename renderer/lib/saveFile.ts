import { offerDownload } from './download';

/** How a save went: written (the file is on disk), cancelled, or handed to the browser's downloads. */
export type SaveOutcome = 'written' | 'cancelled' | 'downloading';

interface SavePicker {
  showSaveFilePicker?: (options: { suggestedName: string }) => Promise<{
    createWritable: () => Promise<{
      write: (data: Uint8Array<ArrayBuffer>) => Promise<void>;
      close: () => Promise<void>;
    }>;
  }>;
}

/**
 * Saves bytes to a file the person chooses and says only afterwards whether it was written.
 * Where the save-file picker exists the answer is known: 'written' once the file is closed,
 * 'cancelled' when the person closed the picker. Elsewhere (or when the picker is refused) the
 * browser's own download starts and nobody can know when it ends: 'downloading'.
 */
export async function saveFile(file: {
  filename: string;
  mimeType: string;
  bytes: Uint8Array<ArrayBuffer>;
}): Promise<SaveOutcome> {
  const picker = (window as unknown as SavePicker).showSaveFilePicker;
  if (picker) {
    let handle;
    try {
      handle = await picker.call(window, { suggestedName: file.filename });
    } catch (error: unknown) {
      if (error instanceof DOMException && error.name === 'AbortError') return 'cancelled';
      handle = null;
    }
    if (handle) {
      const writable = await handle.createWritable();
      await writable.write(file.bytes);
      await writable.close();
      return 'written';
    }
  }
  offerDownload({ filename: file.filename, mimeType: file.mimeType, text: file.bytes });
  return 'downloading';
}
