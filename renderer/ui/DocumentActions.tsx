import { useState, type ReactNode } from 'react';
import { request } from '../api';
import { describeError } from '../errors';
import { offerDownload } from '../lib/download';

/**
 * The buttons under a printable document: Print, Save as a markdown file, Save as PDF (the desktop
 * app prints the page to a PDF file; the web harness says to use Print instead), and any more the
 * screen adds. What a save did is said in the status line beneath.
 */
export function DocumentActions({
  filename,
  markdown,
  children,
}: {
  /** The markdown file's name; the PDF takes the same name. */
  filename: string;
  markdown: string;
  /** More buttons after the three, e.g. saving the files as a zip. */
  children?: ReactNode;
}) {
  const [message, setMessage] = useState<string | null>(null);
  const savePdf = async (): Promise<void> => {
    setMessage('Saving…');
    window.scrollTo(0, 0);
    const result = await request('documents.savePdf', {
      suggestedName: filename.replace(/\.md$/, '.pdf'),
    });
    if (!result.ok) setMessage(`Not saved. ${describeError(result.error)}`);
    else
      setMessage(
        result.value.saved
          ? `Saved to ${result.value.path ?? 'the folder you chose'}.`
          : (result.value.reason ?? 'Not saved.'),
      );
  };
  return (
    <>
      <p className="document-buttons">
        <button type="button" className="button-primary" onClick={() => window.print()}>
          Print
        </button>{' '}
        <button
          type="button"
          onClick={() =>
            offerDownload({ filename, mimeType: 'text/markdown;charset=utf-8', text: markdown })
          }
        >
          Save as a markdown file
        </button>{' '}
        <button type="button" onClick={() => void savePdf()}>
          Save as PDF
        </button>
        {children}
      </p>
      <p role="status">{message}</p>
    </>
  );
}
