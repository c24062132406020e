import type { Handlers } from '../../contract/contract';
import { ok } from '../../contract/result';
import { isAllowedExternalUrl } from '../../shared/linkPolicy';
import type { CoreOptions } from '../hostTypes';

/** The name offered in the save dialog always ends in ".pdf". */
export const pdfFileName = (suggested: string): string =>
  /\.pdf$/i.test(suggested) ? suggested : `${suggested}.pdf`;

/**
 * Calls the shell around the core answers: saving a printable screen as a PDF (the desktop app
 * asks where) and opening an outside link (the desktop app asks first).
 */
export function hostHandlers(
  host: Pick<CoreOptions, 'savePdf' | 'openExternal'>,
): Pick<Handlers, 'documents.savePdf' | 'links.openExternal'> {
  return {
    'documents.savePdf': async ({ suggestedName }) =>
      ok(await host.savePdf(pdfFileName(suggestedName))),
    'links.openExternal': async ({ url }) => {
      // The renderer is untrusted: re-check the scheme here whatever the host does.
      if (!isAllowedExternalUrl(url))
        return ok({
          opened: false,
          reason: 'Holdfast only opens secure web links (https), email and phone links.',
        });
      return ok(await host.openExternal(url));
    },
  };
}
