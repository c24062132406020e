import type { Handlers } from '../../contract/contract';
import { ok } from '../../contract/result';
import type { LogStatus } from '../../contract/incidentTypes';
import { isolatedText } from '../../shared/documentText';
import { shownText } from '../lib/shownText';
import { LOG_CHECK_CODE_LABEL, shownCheckCode } from '../../shared/logCheckCode';
import { renderMarkdown } from '../../shared/markdown';
import type { ContactResolver } from '../runbooks/runbookPresenter';
import type { RegulatorSettings } from '../../shared/regulators';
import type { IncidentService } from './incidentService';
import { handoverSummary, incidentReport } from './reports/incidentDocuments';
import { plainText } from './reports/markdownText';
import { reportDrafts } from './reports/reportDrafts';

type IncidentsCall =
  | 'incidents.list'
  | 'incidents.start'
  | 'incidents.get'
  | 'incidents.record'
  | 'incidents.verify'
  | 'incidents.exportFiles'
  | 'incidents.document'
  | 'incidents.drafts';

/** The `incidents.*` calls: the service, and the documents and drafts made from an incident's view. */
export function incidentsHandlers(deps: {
  incidents: IncidentService;
  contactRef: ContactResolver;
  organisation: () => string;
  /** What Settings say decides which regulator's drafts apply. */
  regulator: () => RegulatorSettings;
  now: () => Date;
}): Pick<Handlers, IncidentsCall> {
  const { incidents, contactRef, organisation, regulator, now } = deps;

  const document: Handlers['incidents.document'] = async ({ id, kind }) => {
    const view = await incidents.get(id);
    if (!view.ok) return view;
    const plain = (markdown: string): string =>
      plainText(markdown, (role) => contactRef(role).label);
    const markdown = (kind === 'report' ? incidentReport : handoverSummary)(
      view.value,
      organisation(),
      now(),
      plain,
    );
    const date = now().toISOString().slice(0, 10);
    const title = `${kind === 'report' ? 'Incident report' : 'Handover'}: ${isolatedText(view.value.name)}`;
    return ok({
      title,
      filename: `holdfast-${kind}-${view.value.exercise ? 'exercise-' : ''}${date}-${id}.md`,
      markdown,
      html: renderMarkdown(markdown),
      pageFooter: checkCodeFooter(view.value.log, title),
    });
  };

  return {
    'incidents.list': async () => shownText(ok(await incidents.list())),
    'incidents.start': async (input) => shownText(await incidents.start(input)),
    'incidents.get': async ({ id }) => shownText(await incidents.get(id)),
    'incidents.record': async (input) => shownText(await incidents.record(input)),
    'incidents.verify': async ({ id }) => incidents.verify(id),
    'incidents.exportFiles': async ({ id }) => incidents.exportFiles(id),
    'incidents.document': document,
    'incidents.drafts': async ({ id }) => {
      const view = await incidents.get(id);
      return view.ok ? ok(reportDrafts(view.value, organisation(), contactRef, regulator())) : view;
    },
  };
}

/**
 * The page footer of a document made from a log (see DocumentPage): its check code and
 * entry count, so any one sheet can be matched to the log file later (see logCheckCode).
 */
export function checkCodeFooter(log: LogStatus, title: string): string {
  return `${LOG_CHECK_CODE_LABEL}: ${shownCheckCode(log)} (${log.entries} entries) · ${title}`;
}
