import { useEffect, useRef, useState } from 'react';
import type { GrabBagPack, PackPrint, PackStatus, RunbookView } from '../../../main/contract/types';
import { request } from '../../api';
import { describeError } from '../../errors';
import { formatDate, today } from '../../lib/formatDate';
import { useCall } from '../../useCall';
import { href } from '../../useRoute';
import { LoadFailed } from '../../ui/LoadFailed';
import { PackDocument } from './PackDocument';
import { listSections, localDate } from './packWords';
import { pluralise } from '../../../main/shared/pluralise';

/** A file name the save dialog accepts on every system: no folder separators or reserved characters. */
export function packFileName(organisation: string, date: string): string {
  const name = organisation
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '')
    .slice(0, 60);
  return `${name || 'Holdfast'} grab-bag pack ${date}.pdf`;
}

function lastPrintedText(status: PackStatus): string {
  const last = status.lastPrinted;
  if (!last) return 'You have not printed this pack yet.';
  const when = `${last.how === 'pdf' ? 'Saved as a PDF' : 'Last printed'} on ${formatDate(localDate(last.at))} (version ${last.version})`;
  return status.changedSince.length === 0
    ? `${when}. The printed pack is up to date.`
    : `${when}. Since then ${listSections(status.changedSince)} changed: print the new version and throw the old one away.`;
}

/**
 * The grab-bag pack (#/grab-bag): the plan on paper for when this computer is gone. Shows the
 * whole printable document, prints it or saves it as a PDF, and records when that happened.
 */
export function GrabBagScreen() {
  const [loaded, retry] = useCall('grabbag.get', {});
  const [status, setStatus] = useState<PackStatus | null>(null);
  const [message, setMessage] = useState('');
  const [askIfPrinted, setAskIfPrinted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [left, setLeft] = useState<ReadonlySet<string>>(new Set());
  const [pages, setPages] = useState<number | null>(null);
  const askRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (loaded.status === 'ready') {
      setStatus(loaded.value);
      document.getElementById('page-title')?.focus();
    }
  }, [loaded]);
  useEffect(() => {
    if (askIfPrinted) askRef.current?.focus();
  }, [askIfPrinted]);

  if (loaded.status === 'failed') {
    return (
      <LoadFailed
        title="The grab-bag pack could not be put together"
        error={loaded.error}
        onRetry={retry}
      />
    );
  }
  if (loaded.status === 'loading' || !status)
    return <p role="status">Putting the pack together…</p>;
  const pack: GrabBagPack = loaded.value;
  const printedOn = today();
  const chosen = pack.runbooks.filter((runbook) => !left.has(runbook.id));
  const choose = (id: string, included: boolean): void => {
    const next = new Set(left);
    if (included) next.delete(id);
    else next.add(id);
    setLeft(next);
    setPages(null);
  };

  const record = async (how: PackPrint['how']): Promise<string> => {
    const result = await request('grabbag.markPrinted', { fingerprint: pack.fingerprint, how });
    if (!result.ok) return `Holdfast could not record it: ${describeError(result.error)}`;
    setStatus(result.value);
    return `Recorded version ${result.value.lastPrinted?.version ?? pack.version}: Holdfast will remind you when contacts, systems or runbooks change.`;
  };

  const print = (): void => {
    setMessage('');
    window.print();
    setAskIfPrinted(true);
  };

  const savePdf = (): void => {
    setBusy(true);
    setMessage('Saving…');
    void request('documents.savePdf', {
      suggestedName: packFileName(pack.organisationName, printedOn),
    }).then(async (result) => {
      if (!result.ok) setMessage(`Not saved. ${describeError(result.error)}`);
      else if (!result.value.saved) setMessage(result.value.reason ?? 'Not saved.');
      else
        setMessage(
          `Saved the pack to ${result.value.path ?? 'the folder you chose'}. ${await record('pdf')}`,
        );
      setBusy(false);
    });
  };

  return (
    <>
      <div className="no-print">
        <p>
          <a href={href.home}>← What's happening?</a>
        </p>
        <h1 id="page-title" tabIndex={-1}>
          Grab-bag pack
        </h1>
        <p className="lead">
          Your plan on paper, for when this computer cannot be used: contacts, role cards, where the
          paper copies are kept, every runbook's steps and blank log sheets. Print it, or save it as
          a PDF on a USB stick, and keep it with your paper plans.
        </p>
        <p
          className={
            status.lastPrinted && status.changedSince.length === 0 ? undefined : 'contact-stale'
          }
        >
          {(!status.lastPrinted || status.changedSince.length > 0) && (
            <span aria-hidden="true">⚠ </span>
          )}
          {lastPrintedText(status)}
        </p>
        <RunbookChoice runbooks={pack.runbooks} left={left} onChoose={choose} />
        <p className="pack-size">
          {pages === null
            ? 'Working out how many pages…'
            : `About ${pluralise(pages, 'A4 page', 'A4 pages')}, printed on one side.`}
        </p>
        <div className="directory-actions">
          <button type="button" onClick={print}>
            Print
          </button>
          <button type="button" onClick={savePdf} disabled={busy}>
            Save as PDF
          </button>
        </div>
        {askIfPrinted && (
          <div className="confirm" role="group" aria-labelledby="ask-printed">
            <p id="ask-printed">
              Did the pack print? Record it, so Holdfast can remind you when it goes out of date.
            </p>
            <button
              ref={askRef}
              type="button"
              onClick={() => {
                setAskIfPrinted(false);
                void record('print').then(setMessage);
              }}
            >
              Yes, record it as printed
            </button>{' '}
            <button
              type="button"
              onClick={() => {
                setAskIfPrinted(false);
                setMessage('Not recorded.');
              }}
            >
              No, it did not print
            </button>
          </div>
        )}
        <p role="status" className="save-status">
          {message}
        </p>
        <h2 className="pack-preview-title">What will print</h2>
      </div>
      <PackDocument pack={pack} runbooks={chosen} printedOn={printedOn} onPaged={setPages} />
    </>
  );
}

/**
 * Which runbooks go in the pack: those for your type of service, all ticked at first. Leaving
 * some out makes a shorter pack; the "First 15 minutes" card always comes first.
 */
function RunbookChoice({
  runbooks,
  left,
  onChoose,
}: {
  runbooks: RunbookView[];
  left: ReadonlySet<string>;
  onChoose: (id: string, included: boolean) => void;
}) {
  return (
    <details className="pack-choice">
      <summary>
        Runbooks in this pack: {runbooks.length - left.size} of {runbooks.length}
      </summary>
      <fieldset className="checkbox-group">
        <legend>Tick the runbooks to print</legend>
        <p className="hint">
          These are the runbooks for your type of service (set in Settings). Untick any you do not
          need on paper.
        </p>
        {runbooks.map((runbook) => (
          <div key={runbook.id} className="checkbox">
            <input
              type="checkbox"
              id={`pack-choose-${runbook.id}`}
              checked={!left.has(runbook.id)}
              onChange={(event) => onChoose(runbook.id, event.target.checked)}
            />
            <label htmlFor={`pack-choose-${runbook.id}`}>{runbook.title}</label>
          </div>
        ))}
      </fieldset>
    </details>
  );
}
