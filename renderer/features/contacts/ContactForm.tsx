// First: turns off zod's eval probe before the shared schemas below are built (renderer CSP).
import '../../lib/zodConfig';
import { useState, type FormEvent } from 'react';
import type { ContactRole, ContactsDirectory, LocalContact } from '../../../main/contract/types';
import { CONTACT_LIMITS, localContactSchema } from '../../../main/contract/schemas';
import { request } from '../../api';
import { today } from '../../lib/formatDate';
import { href } from '../../useRoute';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { issuesToErrors, useFormSave } from '../../ui/useFormSave';
import { ChoiceField } from '../../ui/ChoiceField';

type Channel = LocalContact['channels'][number];
type Errors = Record<string, string>;

const KINDS: Array<[Channel['kind'], string]> = [
  ['phone', 'Phone (landline)'],
  ['mobile', 'Mobile'],
  ['email', 'Email'],
  ['other', 'Other (for example a web portal or radio)'],
];

const blankChannel = (): Channel => ({ kind: 'phone', value: '', outOfBand: false, note: '' });

/** Each field's label and control, so the label beside it and the error summary use the same words. */
const FIELDS = {
  name: { label: 'Name', id: 'contact-name' },
  organisation: { label: 'Organisation', id: 'contact-organisation' },
  hours: { label: 'Hours', id: 'contact-hours' },
  notes: { label: 'Notes', id: 'contact-notes' },
  lastVerified: { label: 'Date you last checked these details', id: 'contact-verified' },
} as const;

/** The field a mistake is about (keyed like the zod issue path): its words and its control's id. */
function fieldOf(path: string): { label: string; id: string } {
  const channel = /^channels\.(\d+)\.(\w+)$/.exec(path);
  if (channel) {
    const n = Number(channel[1]) + 1;
    return channel[2] === 'note'
      ? { label: `Way to reach them ${n}: note`, id: `channel-${n}-note` }
      : { label: `Way to reach them ${n}: number or address`, id: `channel-${n}-value` };
  }
  if (path === 'channels') return { label: 'Ways to reach them', id: 'channel-1-value' };
  return Object.hasOwn(FIELDS, path)
    ? FIELDS[path as keyof typeof FIELDS]
    : { label: path, id: FIELDS.name.id };
}

/** The same schema the core checks, run here first so each mistake is shown beside its field. */
function validate(contact: LocalContact): Errors {
  const parsed = localContactSchema.safeParse(contact);
  return parsed.success ? {} : issuesToErrors(parsed.error.issues);
}

/** Add or edit the contact for one role; "Saved" only once the core says it is on disk. */
export function ContactForm({
  entry,
  onSaved,
}: {
  entry: ContactRole;
  onSaved: (next: ContactsDirectory, saved: LocalContact) => void;
}) {
  const [form, setForm] = useState<LocalContact>(
    () =>
      entry.contact ?? {
        role: entry.role,
        name: '',
        organisation: '',
        channels: [blankChannel()],
        hours: '',
        notes: '',
        lastVerified: today(),
      },
  );
  const { errors, failure, saving, summaryRef, submit } = useFormSave({
    validate,
    save: (contact: LocalContact) => request('contacts.save', contact),
    onSaved,
    detailFor: ['INVALID_INPUT'],
  });

  const change = (patch: Partial<LocalContact>): void =>
    setForm((current) => ({ ...current, ...patch }));
  const changeChannel = (index: number, patch: Partial<Channel>): void =>
    setForm((current) => ({
      ...current,
      channels: current.channels.map((channel, i) =>
        i === index ? { ...channel, ...patch } : channel,
      ),
    }));

  const onSubmit = (event: FormEvent): void => {
    // Empty notes are left out rather than stored as "".
    const contact: LocalContact = {
      ...form,
      channels: form.channels.map(({ note, ...channel }) =>
        note?.trim() ? { ...channel, note } : channel,
      ),
    };
    submit(event, contact);
  };

  const errorFor = (key: string) =>
    errors[key]
      ? { 'aria-invalid': true as const, 'aria-describedby': `${key.replace(/\./g, '-')}-error` }
      : {};
  const errorText = (field: string) =>
    errors[field] ? (
      <p id={`${field.replace(/\./g, '-')}-error`} className="field-error">
        {errors[field]}
      </p>
    ) : null;

  const errorKeys = Object.keys(errors);
  return (
    <>
      <p>
        <a href={href.contacts()}>← All contacts</a>
      </p>
      <h1 id="page-title" tabIndex={-1}>
        {entry.contact ? 'Edit' : 'Add'} contact: {entry.label}
      </h1>
      <ErrorSummary
        failure={failure}
        summaryRef={summaryRef}
        items={errorKeys.map((key) => {
          const field = fieldOf(key);
          return {
            key,
            text: (
              <a
                href={`#${field.id}`}
                onClick={(event) => {
                  event.preventDefault();
                  document.getElementById(field.id)?.focus();
                }}
              >
                {field.label}: {errors[key]}
              </a>
            ),
          };
        })}
      />
      <form className="contact-form" onSubmit={onSubmit} noValidate>
        <div className="field">
          <label htmlFor={FIELDS.name.id}>{FIELDS.name.label}</label>
          <p className="hint" id="contact-name-hint">
            The person or team to ask for.
          </p>
          <input
            id={FIELDS.name.id}
            value={form.name}
            maxLength={CONTACT_LIMITS.name}
            autoComplete="off"
            {...errorFor('name')}
            aria-describedby={errors.name ? 'name-error' : 'contact-name-hint'}
            onChange={(event) => change({ name: event.target.value })}
          />
          {errorText('name')}
        </div>
        <div className="field">
          <label htmlFor={FIELDS.organisation.id}>{FIELDS.organisation.label} (optional)</label>
          <input
            id={FIELDS.organisation.id}
            value={form.organisation}
            maxLength={CONTACT_LIMITS.organisation}
            autoComplete="off"
            {...errorFor('organisation')}
            onChange={(event) => change({ organisation: event.target.value })}
          />
          {errorText('organisation')}
        </div>
        {form.channels.map((channel, index) => {
          const n = index + 1;
          return (
            <fieldset key={index} className="channel-fields">
              <legend>Way to reach them {n}</legend>
              <div className="field">
                <label htmlFor={`channel-${n}-kind`}>Kind</label>
                <select
                  id={`channel-${n}-kind`}
                  value={channel.kind}
                  onChange={(event) =>
                    changeChannel(index, { kind: event.target.value as Channel['kind'] })
                  }
                >
                  {KINDS.map(([kind, label]) => (
                    <option key={kind} value={kind}>
                      {label}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor={`channel-${n}-value`}>Number or address</label>
                <input
                  id={`channel-${n}-value`}
                  value={channel.value}
                  maxLength={CONTACT_LIMITS.value}
                  inputMode={
                    channel.kind === 'phone' || channel.kind === 'mobile'
                      ? 'tel'
                      : channel.kind === 'email'
                        ? 'email'
                        : 'text'
                  }
                  autoComplete="off"
                  {...errorFor(`channels.${index}.value`)}
                  onChange={(event) => changeChannel(index, { value: event.target.value })}
                />
                {errorText(`channels.${index}.value`)}
              </div>
              <ChoiceField
                id={`channel-${n}-oob`}
                checked={channel.outOfBand}
                onChange={(outOfBand) => changeChannel(index, { outOfBand })}
                inField
              >
                Still works when our own email, internet or phones are down
              </ChoiceField>
              <div className="field">
                <label htmlFor={`channel-${n}-note`}>Note (optional)</label>
                <input
                  id={`channel-${n}-note`}
                  value={channel.note ?? ''}
                  maxLength={CONTACT_LIMITS.note}
                  autoComplete="off"
                  {...errorFor(`channels.${index}.note`)}
                  onChange={(event) => changeChannel(index, { note: event.target.value })}
                />
                {errorText(`channels.${index}.note`)}
              </div>
              {form.channels.length > 1 && (
                <button
                  type="button"
                  onClick={() => change({ channels: form.channels.filter((_, i) => i !== index) })}
                >
                  Remove way to reach them {n}
                </button>
              )}
            </fieldset>
          );
        })}
        {errorText('channels')}
        {form.channels.length < CONTACT_LIMITS.channels && (
          <p>
            <button
              type="button"
              onClick={() => change({ channels: [...form.channels, blankChannel()] })}
            >
              Add another way to reach them
            </button>
          </p>
        )}
        <div className="field">
          <label htmlFor={FIELDS.hours.id}>{FIELDS.hours.label} (optional)</label>
          <input
            id={FIELDS.hours.id}
            value={form.hours}
            maxLength={CONTACT_LIMITS.hours}
            placeholder="For example: 24 hours, or Mon–Fri 8am–6pm"
            {...errorFor('hours')}
            onChange={(event) => change({ hours: event.target.value })}
          />
          {errorText('hours')}
        </div>
        <div className="field">
          <label htmlFor={FIELDS.notes.id}>{FIELDS.notes.label} (optional)</label>
          <textarea
            id={FIELDS.notes.id}
            rows={3}
            value={form.notes}
            maxLength={CONTACT_LIMITS.notes}
            {...errorFor('notes')}
            onChange={(event) => change({ notes: event.target.value })}
          />
          {errorText('notes')}
        </div>
        <div className="field">
          <label htmlFor={FIELDS.lastVerified.id}>{FIELDS.lastVerified.label}</label>
          <input
            id={FIELDS.lastVerified.id}
            type="date"
            value={form.lastVerified}
            {...errorFor('lastVerified')}
            onChange={(event) => change({ lastVerified: event.target.value })}
          />
          {errorText('lastVerified')}
        </div>
        <button type="submit" disabled={saving}>
          Save contact
        </button>
        <p role="status" className="save-status">
          {saving ? 'Saving…' : ''}
        </p>
      </form>
    </>
  );
}
