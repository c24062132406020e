import { useEffect, useState, type FormEvent } from 'react';
import type { ContractClock, Settings } from '../../../main/contract/types';
import { PROVIDER_TYPES, type ProviderType } from '../../../main/contract/vocabulary';
import { request } from '../../api';
import { describeError } from '../../errors';
import { useCall } from '../../useCall';
import { href, type SettingsSection } from '../../useRoute';
import { regulatorSummary } from '../../../main/shared/regulators';
import { BackupPanel } from './BackupPanel';
import { CareGroupKeysPanel } from './CareGroupKeysPanel';
import { RestorePanel } from './RestorePanel';
import { DiagnosticsPanel } from './DiagnosticsPanel';
import { ChoiceField } from '../../ui/ChoiceField';

type SaveState =
  | { status: 'idle' }
  | { status: 'saving' }
  | { status: 'saved' }
  | { status: 'failed'; message: string };

/**
 * The provider's own answers that runbooks show: organisation, provider type, IT supplier
 * instruction; then care group keys, backup, restore and diagnostics. `section` opens it at one of
 * those parts (a readiness line's "fix it" link), with focus on its heading.
 */
export function SettingsScreen({ section }: { section?: SettingsSection }) {
  const [loaded, retry] = useCall('settings.get', {});
  if (loaded.status === 'loading') return <p role="status">Loading settings…</p>;
  if (loaded.status === 'failed') {
    return (
      <div role="alert">
        <h1 id="page-title" tabIndex={-1}>
          Settings could not be opened
        </h1>
        <p>{describeError(loaded.error)}</p>
        <button type="button" onClick={retry}>
          Try again
        </button>
      </div>
    );
  }
  return <SettingsForm initial={loaded.value} {...(section ? { section } : {})} />;
}

/**
 * Moves focus to a part's heading (`<section>-title`), scrolled to the top of the window so the
 * part is read from its start; without a part, to the page title.
 */
function focusSection(section: SettingsSection | undefined): void {
  const heading = section ? document.getElementById(`${section}-title`) : null;
  if (!heading) {
    document.getElementById('page-title')?.focus();
    return;
  }
  // At once, not smoothly: the screen has just opened, and there is nothing to follow on the way.
  heading.scrollIntoView?.({ block: 'start', behavior: 'instant' });
  heading.focus({ preventScroll: true });
}

function SettingsForm({ initial, section }: { initial: Settings; section?: SettingsSection }) {
  const [form, setForm] = useState(initial);
  const [save, setSave] = useState<SaveState>({ status: 'idle' });
  // This screen loads on demand, after the app's route-change focus ran, so it moves focus itself:
  // to the part the address names, or to its title. Again whenever the address names another part.
  useEffect(() => focusSection(section), [section]);

  const onSubmit = (event: FormEvent): void => {
    event.preventDefault();
    setSave({ status: 'saving' });
    // A new deadline has no id yet: the core makes one from its label.
    const contractClocks = form.contractClocks.map(({ id, ...clock }) =>
      id ? { id, ...clock } : clock,
    );
    // Care group keys are saved by their own panel, one change at a time, so are not sent here.
    const { organisationName, providerType, pharmacyCqcRegistered, isolationInstruction } = form;
    const fields = { organisationName, providerType, pharmacyCqcRegistered, isolationInstruction };
    void request('settings.update', { ...fields, contractClocks }).then((result) => {
      // "Saved" only once the core says the settings are on disk.
      if (result.ok) {
        setForm(result.value);
        setSave({ status: 'saved' });
      } else setSave({ status: 'failed', message: describeError(result.error) });
    });
  };
  const change = (patch: Partial<Settings>): void => {
    setForm((current) => ({ ...current, ...patch }));
    setSave({ status: 'idle' });
  };

  return (
    <>
      <p>
        <a href={href.home}>← What's happening?</a>
      </p>
      <h1 id="page-title" tabIndex={-1}>
        Settings
      </h1>
      <form className="settings-form" onSubmit={onSubmit} noValidate>
        <div className="field">
          <label htmlFor="organisation-name">Organisation name</label>
          <input
            id="organisation-name"
            value={form.organisationName}
            maxLength={120}
            autoComplete="organization"
            onChange={(event) => change({ organisationName: event.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="provider-type">Type of service</label>
          <select
            id="provider-type"
            value={form.providerType ?? ''}
            aria-describedby={form.providerType === null ? undefined : 'regulator-summary'}
            onChange={(event) =>
              change({
                providerType:
                  event.target.value === '' ? null : (event.target.value as ProviderType),
              })
            }
          >
            <option value="">Not chosen</option>
            {(Object.keys(PROVIDER_TYPES) as ProviderType[]).map((type) => (
              <option key={type} value={type}>
                {PROVIDER_TYPES[type]}
              </option>
            ))}
          </select>
          {form.providerType !== null && (
            <p className="hint" id="regulator-summary">
              {regulatorSummary(form)}
            </p>
          )}
        </div>
        {form.providerType === 'pharmacy' && (
          <ChoiceField
            id="pharmacy-cqc-registered"
            checked={form.pharmacyCqcRegistered}
            onChange={(pharmacyCqcRegistered) => change({ pharmacyCqcRegistered })}
          >
            This pharmacy is also registered with CQC (check your CQC registration certificate)
          </ChoiceField>
        )}
        <div className="field">
          {/* The label is the part's heading, so a link can open Settings right here. */}
          <h2 id="isolation-title" tabIndex={-1} className="label-heading">
            <label htmlFor="isolation-instruction">
              What your IT supplier says to do with an affected computer
            </label>
          </h2>
          <p className="hint" id="isolation-hint">
            If you leave this empty, runbooks tell staff to take an affected computer off the
            network at once (network cable out and Wi-Fi off), leave it switched on and not log in,
            then phone your IT supplier. Ask your IT supplier whether they want something different,
            and write their answer here. Runbooks show it at that step, in place of the default.
          </p>
          <textarea
            id="isolation-instruction"
            aria-describedby="isolation-hint"
            rows={4}
            maxLength={2000}
            value={form.isolationInstruction}
            onChange={(event) => change({ isolationInstruction: event.target.value })}
          />
        </div>
        <ContractClocksEditor
          clocks={form.contractClocks}
          onChange={(contractClocks) => change({ contractClocks })}
        />
        <button type="submit" disabled={save.status === 'saving'}>
          Save settings
        </button>
        <p role="status" className="save-status">
          {save.status === 'saving' ? 'Saving…' : save.status === 'saved' ? 'Saved.' : ''}
        </p>
        {save.status === 'failed' && (
          <p role="alert" className="save-failed">
            Not saved. {save.message}
          </p>
        )}
      </form>
      <CareGroupKeysPanel initial={initial.careGroupKeys ?? []} />
      <BackupPanel />
      <RestorePanel />
      <DiagnosticsPanel />
    </>
  );
}

/** Deadlines from the provider's contracts; each can be started as a clock in an incident. */
function ContractClocksEditor({
  clocks,
  onChange,
}: {
  clocks: ContractClock[];
  onChange: (clocks: ContractClock[]) => void;
}) {
  const update = (index: number, patch: Partial<ContractClock>): void =>
    onChange(clocks.map((clock, i) => (i === index ? { ...clock, ...patch } : clock)));
  return (
    <fieldset className="contract-clocks">
      <legend>Deadlines in your contracts</legend>
      <p className="hint">
        For example, a commissioner who must be told within 24 hours. These can be started as clocks
        in an incident; take the hours from your contract.
      </p>
      {clocks.map((clock, index) => (
        <div key={index} className="contract-clock">
          <div className="field">
            <label htmlFor={`contract-label-${index}`}>Deadline {index + 1}: what it is</label>
            <input
              id={`contract-label-${index}`}
              value={clock.label}
              maxLength={120}
              onChange={(event) => update(index, { label: event.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={`contract-hours-${index}`}>Hours from becoming aware</label>
            <input
              id={`contract-hours-${index}`}
              type="number"
              min={1}
              max={8760}
              step={1}
              value={clock.hours}
              onChange={(event) => update(index, { hours: Number(event.target.value) })}
            />
          </div>
          <div className="field">
            <label htmlFor={`contract-duty-${index}`}>What to send, to whom</label>
            <input
              id={`contract-duty-${index}`}
              value={clock.duty}
              maxLength={400}
              onChange={(event) => update(index, { duty: event.target.value })}
            />
          </div>
          <button type="button" onClick={() => onChange(clocks.filter((_, i) => i !== index))}>
            Remove deadline {index + 1}
          </button>
        </div>
      ))}
      {clocks.length < 20 && (
        <button
          type="button"
          onClick={() => onChange([...clocks, { id: '', label: '', hours: 24, duty: '' }])}
        >
          Add a contract deadline
        </button>
      )}
    </fieldset>
  );
}
