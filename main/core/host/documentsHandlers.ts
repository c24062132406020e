import type { Handlers } from '../../contract/contract';
import { ok } from '../../contract/result';
import type { CoreOptions } from '../hostTypes';

/** The name offered in the save dialog always ends in ".pdf". */
export const pdfFileName = (suggested: string): string =>
  /\.pdf$/i.test(suggested) ? suggested : `${suggested}.pdf`;

/** `documents.savePdf`: any printable screen saved as a PDF by the host (the desktop app asks where). */
export function documentsHandlers(
  savePdf: CoreOptions['savePdf'],
): Pick<Handlers, 'documents.savePdf'> {
  return {
    'documents.savePdf': async ({ suggestedName }) => ok(await savePdf(pdfFileName(suggestedName))),
  };
}
