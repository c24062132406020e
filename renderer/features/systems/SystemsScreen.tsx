import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { SystemEntry, SystemsRegister } from '../../../main/contract/types';
import { request } from '../../api';
import { describeError } from '../../errors';
import { formatDate } from '../../lib/formatDate';
import { useCall } from '../../useCall';
import { href } from '../../useRoute';
import { AddByNameForm } from '../../ui/AddByNameForm';
import { DeleteWithConfirm } from '../../ui/DeleteWithConfirm';
import { LoadFailed } from '../../ui/LoadFailed';
import { supplierText } from './supplierText';

// The form validates with the shared zod schema; loading it only when opened keeps zod off the
// first screen, like the contact form.
const SystemForm = lazy(() =>
  import('./SystemForm').then((module) => ({ default: module.SystemForm })),
);

type OnChange = (next: SystemsRegister, message: string) => void;

/**
 * The systems register (#/systems): every system the service relies on, how bad an outage is,
 * the paper fallback and where the paper copy is kept; #/systems/<id> opens the form.
 */
export function SystemsScreen({ system }: { system?: string }) {
  const [loaded, retry] = useCall('systems.list', {});
  // The latest register a write returned; writes answer with the whole register.
  const [register, setRegister] = useState<SystemsRegister | null>(null);
  const [message, setMessage] = useState('');
  useEffect(() => {
    if (loaded.status === 'ready') setRegister(loaded.value);
  }, [loaded]);

  if (loaded.status === 'failed') {
    return <LoadFailed title="Systems could not be opened" error={loaded.error} onRetry={retry} />;
  }
  if (!register) return <p role="status">Loading systems…</p>;

  if (system) {
    const entry = register.systems.find((candidate) => candidate.system === system);
    if (!entry) {
      return (
        <>
          <p>
            <a href={href.systems()}>← All systems</a>
          </p>
          <h1 id="page-title" tabIndex={-1}>
            No such system
          </h1>
          <p>There is no system called “{system}”. You can add it as a system of your own.</p>
        </>
      );
    }
    return (
      <Suspense fallback={<p role="status">Opening the form…</p>}>
        <SystemForm
          key={entry.system}
          entry={entry}
          supplierRoles={register.supplierRoles}
          onSaved={(next) => {
            setRegister(next);
            setMessage(`Saved ${entry.label}.`);
            window.location.hash = href.systems();
          }}
        />
      </Suspense>
    );
  }

  return (
    <RegisterView
      register={register}
      message={message}
      onChange={(next, text) => {
        setRegister(next);
        setMessage(text);
      }}
    />
  );
}

function RegisterView({
  register,
  message,
  onChange,
}: {
  register: SystemsRegister;
  message: string;
  onChange: OnChange;
}) {
  // The list appears after the route changed (it waits for systems.list): put focus on its heading.
  useEffect(() => document.getElementById('page-title')?.focus(), []);
  const gaps = register.systems.filter(
    (entry) => entry.status === 'missing' || entry.status === 'no-paper-location',
  ).length;
  return (
    <>
      <p>
        <a href={href.home}>← What's happening?</a>
      </p>
      <h1 id="page-title" tabIndex={-1}>
        Systems
      </h1>
      <p className="lead">
        What your service relies on, how bad it is when each one stops, and the paper way of
        working. Write down exactly where the paper copies are kept, so anyone on shift can find
        them at 2 a.m. Runbooks show it in the steps that need it.
      </p>
      <p role="status" className="save-status">
        {message}
      </p>
      <p>
        {gaps === 0
          ? 'Every system you use has a paper location recorded.'
          : `${gaps} of ${register.systems.length} systems have no paper location recorded yet.`}
      </p>
      <section aria-labelledby="systems-list-title">
        <h2 id="systems-list-title">Your systems</h2>
        <ul className="directory">
          {register.systems.map((entry) => (
            <SystemItem key={entry.system} entry={entry} onChange={onChange} />
          ))}
        </ul>
        <AddByNameForm
          title="Add a system of your own"
          fieldLabel="System name"
          id="new-system"
          emptyMessage="Enter a name for the system, for example “Lift alarm”."
          submitLabel="Add system"
          // The schema module is left to the form's chunk: importing it here would load zod with the list.
          maxLength={80}
          callPrefix="systems.add: label: "
          onAdd={async (label) => {
            const result = await request('systems.add', { label });
            if (!result.ok) return result.error;
            onChange(result.value.register, `Added the system ${label.trim()}.`);
            window.location.hash = href.systems(result.value.system);
            return null;
          }}
        />
      </section>
    </>
  );
}

function SystemItem({ entry, onChange }: { entry: SystemEntry; onChange: OnChange }) {
  const editRef = useRef<HTMLAnchorElement>(null);
  const { record } = entry;

  const remove = async (): Promise<string | null> => {
    const result = await request('systems.delete', { system: entry.system });
    if (!result.ok) return describeError(result.error);
    onChange(
      result.value,
      entry.isCustom
        ? `Removed the system ${entry.label}.`
        : `Cleared what was recorded for ${entry.label}.`,
    );
    // Keep keyboard users in place: on the entry's "Add" link, or the heading if the system went too.
    requestAnimationFrame(() =>
      (editRef.current ?? document.getElementById('page-title'))?.focus(),
    );
    return null;
  };

  return (
    <li className={`directory-entry system-${entry.status}`}>
      <h3 className="directory-role">
        <bdi>{entry.label}</bdi>
        {entry.isCustom && <span className="directory-custom"> (your own system)</span>}
      </h3>
      {!record && (
        <p className="contact-missing-text">
          <span aria-hidden="true">⚠ </span>Not recorded yet.
        </p>
      )}
      {record && !record.inUse && <p>Not used here.</p>}
      {record?.inUse && (
        <dl className="system-details">
          <div>
            <dt>How bad if it is down</dt>
            <dd>{record.impact} out of 10</dd>
          </div>
          <div>
            <dt>Paper or manual fallback</dt>
            <dd>{record.fallback ? <bdi>{record.fallback}</bdi> : 'Not recorded yet'}</dd>
          </div>
          <div>
            <dt>Where the paper copy is kept</dt>
            <dd className={record.paperLocation ? undefined : 'contact-missing-text'}>
              {record.paperLocation ? (
                <bdi>{record.paperLocation}</bdi>
              ) : (
                <>
                  <span aria-hidden="true">⚠ </span>Not recorded yet
                </>
              )}
            </dd>
          </div>
          <div>
            <dt>Supplier</dt>
            <dd>{supplierText(entry)}</dd>
          </div>
          {record.notes && (
            <div>
              <dt>Notes</dt>
              <dd>
                <bdi>{record.notes}</bdi>
              </dd>
            </div>
          )}
        </dl>
      )}
      {record && (
        <p className={entry.isStale ? 'contact-stale' : 'contact-source'}>
          {entry.isStale && <span aria-hidden="true">⚠ </span>}
          Last reviewed {formatDate(record.lastReviewed)}
          {entry.isStale && ': more than 12 months ago. Check it is still right.'}
        </p>
      )}
      <DeleteWithConfirm
        id={entry.system}
        canDelete={record !== null || entry.isCustom}
        button={
          <>
            {entry.isCustom ? 'Delete' : 'Clear'}
            <span className="visually-hidden"> {entry.label}</span>
          </>
        }
        question={
          entry.isCustom
            ? `Delete the system ${entry.label} and all it records?`
            : `Clear everything recorded for ${entry.label}?`
        }
        confirmLabel={entry.isCustom ? 'Yes, delete it' : 'Yes, clear it'}
        onConfirm={remove}
        actions={
          <a ref={editRef} className="button-link" href={href.systems(entry.system)}>
            {record ? 'Edit' : 'Add'}
            <span className="visually-hidden"> details for {entry.label}</span>
          </a>
        }
      />
    </li>
  );
}
