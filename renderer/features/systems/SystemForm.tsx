// First: turns off zod's eval probe before the shared schemas below are built (renderer CSP).
import '../../lib/zodConfig';
import { useState } from 'react';
import { SYSTEM_LIMITS, systemRecordSchema } from '../../../main/contract/schemas';
import type { SystemEntry, SystemRecord, SystemsRegister } from '../../../main/contract/types';
import { request } from '../../api';
import { today } from '../../lib/formatDate';
import { href } from '../../useRoute';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Field } from '../../ui/Field';
import { issuesToErrors, useFormSave, type FieldErrors } from '../../ui/useFormSave';
import { ChoiceField } from '../../ui/ChoiceField';

const FIELD_LABELS: Record<keyof SystemRecord, string> = {
  system: 'System',
  inUse: 'Do you use this system?',
  supplierRole: 'Who supports it',
  impact: 'How bad it is if it is down',
  fallback: 'Paper or manual fallback',
  paperLocation: 'Where the paper copy is kept',
  notes: 'Notes',
  lastReviewed: 'Date you last reviewed this',
};

const IMPACT_HINTS: Record<number, string> = {
  1: '1 — hardly matters',
  5: '5 — slows us down',
  10: '10 — people are at risk straight away',
};

/** The same schema the core checks, run here first so each mistake is shown beside its field. */
function validate(record: SystemRecord): FieldErrors {
  const parsed = systemRecordSchema.safeParse(record);
  return parsed.success ? {} : issuesToErrors(parsed.error.issues, 1);
}

/** Add or edit what is recorded for one system; "Saved" only once the core says it is on disk. */
export function SystemForm({
  entry,
  supplierRoles,
  onSaved,
}: {
  entry: SystemEntry;
  supplierRoles: SystemsRegister['supplierRoles'];
  onSaved: (next: SystemsRegister) => void;
}) {
  const [form, setForm] = useState<SystemRecord>(() =>
    entry.record
      ? // A supplier role deleted from Contacts since is shown as "No one recorded", not saved again.
        {
          ...entry.record,
          supplierRole: supplierRoles.some((option) => option.role === entry.record?.supplierRole)
            ? entry.record.supplierRole
            : null,
        }
      : {
          system: entry.system,
          inUse: true,
          supplierRole: entry.suggestedSupplierRole,
          impact: null,
          fallback: '',
          paperLocation: '',
          notes: '',
          lastReviewed: today(),
        },
  );
  const { errors, failure, saving, summaryRef, submit } = useFormSave({
    validate,
    save: (record: SystemRecord) => request('systems.save', record),
    onSaved: (register: SystemsRegister) => onSaved(register),
    detailFor: ['INVALID_INPUT', 'NOT_FOUND'],
  });

  const change = (patch: Partial<SystemRecord>): void =>
    setForm((current) => ({ ...current, ...patch }));

  const errorKeys = Object.keys(errors) as Array<keyof SystemRecord>;
  return (
    <>
      <p>
        <a href={href.systems()}>← All systems</a>
      </p>
      <h1 id="page-title" tabIndex={-1}>
        {entry.record ? 'Edit' : 'Add'} system: {entry.label}
      </h1>
      <ErrorSummary
        failure={failure}
        summaryRef={summaryRef}
        items={errorKeys.map((key) => ({
          key,
          text: (
            <a
              href={`#system-${key}`}
              onClick={(event) => {
                event.preventDefault();
                document.getElementById(`system-${key}`)?.focus();
              }}
            >
              {FIELD_LABELS[key]}: {errors[key]}
            </a>
          ),
        }))}
      />
      <form
        className="contact-form system-form"
        onSubmit={(event) => submit(event, form)}
        noValidate
      >
        <fieldset>
          <legend>{FIELD_LABELS.inUse}</legend>
          <ChoiceField
            id="system-inUse"
            type="radio"
            name="in-use"
            checked={form.inUse}
            onChange={() => change({ inUse: true })}
            inField
          >
            Yes, we use it
          </ChoiceField>
          <ChoiceField
            id="system-not-used"
            type="radio"
            name="in-use"
            checked={!form.inUse}
            onChange={() => change({ inUse: false })}
            inField
          >
            No, we do not use it
          </ChoiceField>
        </fieldset>
        {form.inUse && (
          <>
            <Field
              id="system-impact"
              label={FIELD_LABELS.impact}
              hint="From 1 (hardly matters) to 10 (people are at risk straight away)."
              error={errors.impact}
            >
              {(control) => (
                <select
                  {...control}
                  value={form.impact ?? ''}
                  onChange={(event) =>
                    change({
                      impact: event.target.value === '' ? null : Number(event.target.value),
                    })
                  }
                >
                  <option value="">Choose a number</option>
                  {Array.from({ length: 10 }, (_, index) => index + 1).map((value) => (
                    <option key={value} value={value}>
                      {IMPACT_HINTS[value] ?? String(value)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field
              id="system-paperLocation"
              label={FIELD_LABELS.paperLocation}
              hint="Exact enough for someone new on a night shift, for example: red folder, locked cabinet in the clinic room."
              error={errors.paperLocation}
            >
              {(control) => (
                <input
                  {...control}
                  value={form.paperLocation}
                  maxLength={SYSTEM_LIMITS.paperLocation}
                  autoComplete="off"
                  onChange={(event) => change({ paperLocation: event.target.value })}
                />
              )}
            </Field>
            <Field
              id="system-fallback"
              label={FIELD_LABELS.fallback}
              hint="What staff do instead while it is down, for example: paper MAR charts, printed every Monday."
              error={errors.fallback}
            >
              {(control) => (
                <textarea
                  {...control}
                  rows={3}
                  value={form.fallback}
                  maxLength={SYSTEM_LIMITS.fallback}
                  onChange={(event) => change({ fallback: event.target.value })}
                />
              )}
            </Field>
            <Field
              id="system-supplierRole"
              label={FIELD_LABELS.supplierRole}
              hint={
                <>
                  A contact from your Contacts. <a href={href.contacts()}>Add or change contacts</a>
                  .
                </>
              }
              error={errors.supplierRole}
            >
              {(control) => (
                <select
                  {...control}
                  value={form.supplierRole ?? ''}
                  onChange={(event) =>
                    change({ supplierRole: event.target.value === '' ? null : event.target.value })
                  }
                >
                  <option value="">No one recorded</option>
                  {supplierRoles.map((option) => (
                    <option key={option.role} value={option.role}>
                      {option.label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field
              id="system-notes"
              label={`${FIELD_LABELS.notes} (optional)`}
              error={errors.notes}
            >
              {(control) => (
                <textarea
                  {...control}
                  rows={3}
                  value={form.notes}
                  maxLength={SYSTEM_LIMITS.notes}
                  onChange={(event) => change({ notes: event.target.value })}
                />
              )}
            </Field>
          </>
        )}
        <Field
          id="system-lastReviewed"
          label={FIELD_LABELS.lastReviewed}
          error={errors.lastReviewed}
        >
          {(control) => (
            <input
              {...control}
              type="date"
              value={form.lastReviewed}
              onChange={(event) => change({ lastReviewed: event.target.value })}
            />
          )}
        </Field>
        <button type="submit" disabled={saving}>
          Save system
        </button>
        <p role="status" className="save-status">
          {saving ? 'Saving…' : ''}
        </p>
      </form>
    </>
  );
}
