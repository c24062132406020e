import { CATEGORIES, PROVIDER_TYPES, SYSTEMS } from '../../../main/contract/vocabulary';
import { Field } from '../../ui/Field';
import type { FrontMatterFields } from './runbookFile';

const text = (value: unknown): string =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : '';
const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

/** A set of choices as checkboxes; values already in the file but not offered are kept and shown. */
function CheckboxGroup({
  legend,
  hint,
  options,
  value,
  onChange,
}: {
  legend: string;
  hint?: string;
  options: Array<[string, string]>;
  value: string[];
  onChange: (next: string[]) => void;
}) {
  const offered = new Set(options.map(([id]) => id));
  const all = [
    ...options,
    ...value.filter((id) => !offered.has(id)).map((id): [string, string] => [id, id]),
  ];
  const id = `fm-${legend.toLowerCase().replace(/[^a-z]+/g, '-')}`;
  return (
    <fieldset className="checkbox-group" {...(hint ? { 'aria-describedby': `${id}-hint` } : {})}>
      <legend>{legend}</legend>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {all.map(([option, label]) => (
        <label key={option} className="checkbox">
          <input
            type="checkbox"
            checked={value.includes(option)}
            onChange={(event) =>
              onChange(
                event.target.checked ? [...value, option] : value.filter((v) => v !== option),
              )
            }
          />{' '}
          {label}
        </label>
      ))}
    </fieldset>
  );
}

/**
 * The runbook's details (its front matter) as a form, so nobody has to write YAML: every change
 * rewrites the header of the file being edited.
 */
export function FrontMatterForm({
  front,
  onChange,
  isNew,
  contactRoles,
}: {
  front: FrontMatterFields;
  onChange: (front: FrontMatterFields) => void;
  isNew: boolean;
  contactRoles: Array<[string, string]>;
}) {
  const set = (key: string, value: unknown): void => onChange({ ...front, [key]: value });
  return (
    <div className="front-matter-form">
      {isNew ? (
        <Field
          id="fm-id"
          label="Short name"
          hint="Used in links to this runbook. Lower-case letters, digits and hyphens, for example lost-keys. It cannot be changed after saving."
        >
          {(control) => (
            <input
              {...control}
              value={text(front.id)}
              onChange={(event) => set('id', event.target.value)}
            />
          )}
        </Field>
      ) : (
        <p>
          Short name, used in links to this runbook: <code>{text(front.id)}</code>
        </p>
      )}
      <Field id="fm-title" label="Title">
        {(control) => (
          <input
            {...control}
            value={text(front.title)}
            onChange={(event) => set('title', event.target.value)}
          />
        )}
      </Field>
      <Field id="fm-category" label="Situation it is for">
        {(control) => (
          <select
            {...control}
            value={text(front.category)}
            onChange={(event) => set('category', event.target.value)}
          >
            {!Object.hasOwn(CATEGORIES, text(front.category)) && (
              <option value={text(front.category)}>Choose a situation</option>
            )}
            {Object.entries(CATEGORIES).map(([id, label]) => (
              <option key={id} value={id}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id="fm-summary"
        label="Summary"
        hint="One or two plain sentences saying when to use this runbook."
      >
        {(control) => (
          <textarea
            {...control}
            rows={3}
            value={text(front.summary)}
            onChange={(event) => set('summary', event.target.value)}
          />
        )}
      </Field>
      <CheckboxGroup
        legend="Who it is for"
        options={Object.entries(PROVIDER_TYPES)}
        value={list(front.providerTypes)}
        onChange={(next) => set('providerTypes', next)}
      />
      <CheckboxGroup
        legend="Contacts it uses"
        hint="Every contact the steps mention with {{contact:…}}."
        options={contactRoles}
        value={list(front.contacts)}
        onChange={(next) => set('contacts', next)}
      />
      <CheckboxGroup
        legend="Systems it is about"
        options={Object.entries(SYSTEMS).map(([id, system]) => [id, system.label])}
        value={list(front.systems)}
        onChange={(next) => set('systems', next)}
      />
      <Field id="fm-reviewed" label="Last reviewed">
        {(control) => (
          <input
            {...control}
            type="date"
            value={text(front.reviewed)}
            onChange={(event) => set('reviewed', event.target.value)}
          />
        )}
      </Field>
      <Field id="fm-owner" label="Looked after by">
        {(control) => (
          <input
            {...control}
            value={text(front.owner)}
            onChange={(event) => set('owner', event.target.value)}
          />
        )}
      </Field>
      <Field id="fm-version" label="Version" hint="Add one each time you publish a change.">
        {(control) => (
          <input
            {...control}
            type="number"
            min={1}
            value={text(front.version)}
            onChange={(event) =>
              set('version', event.target.value === '' ? undefined : Number(event.target.value))
            }
          />
        )}
      </Field>
    </div>
  );
}
