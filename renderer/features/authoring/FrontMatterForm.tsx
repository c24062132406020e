import {
  headerFieldLabels as LABEL,
  type HeaderField,
  type HeaderFieldProblem,
} from '../../../main/contract/headerFields';
import { CATEGORIES, PROVIDER_TYPES, SYSTEMS } from '../../../main/contract/vocabulary';
import { Field } from '../../ui/Field';
import { CheckboxGroup } from './CheckboxGroup';
import type { FrontMatterFields } from './runbookFile';

const text = (value: unknown): string =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : '';
const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

/**
 * The runbook's details (its front matter) as a form, so nobody has to write YAML: every change
 * rewrites the header of the file being edited.
 */
export function FrontMatterForm({
  front,
  onChange,
  isNew,
  contactRoles,
  problems = [],
}: {
  front: FrontMatterFields;
  onChange: (front: FrontMatterFields) => void;
  isNew: boolean;
  contactRoles: Array<[string, string]>;
  /** Header problems in plain words; each is shown beside its field. */
  problems?: HeaderFieldProblem[];
}) {
  const set = (key: string, value: unknown): void => onChange({ ...front, [key]: value });
  const errorOf = (field: HeaderField): string | undefined => {
    const messages = problems.filter((problem) => problem.field === field);
    return messages.length > 0 ? messages.map((problem) => problem.message).join(' ') : undefined;
  };
  // Problems no field of the form shows: a line Holdfast does not use, or a field it has no box for.
  const shown = new Set<HeaderField | null>([
    'id',
    'title',
    'category',
    'summary',
    'providerTypes',
    'contacts',
    'systems',
    'reviewed',
    'owner',
    'version',
  ]);
  const others = problems.filter((problem) => !shown.has(problem.field));
  return (
    <div className="front-matter-form">
      {others.length > 0 && (
        <ul className="field-error header-problems">
          {others.map((problem, index) => (
            <li key={index}>{problem.message}</li>
          ))}
        </ul>
      )}
      {isNew ? (
        <Field
          id="fm-id"
          label={LABEL.id}
          error={errorOf('id')}
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
          {LABEL.id}, used in links to this runbook: <code>{text(front.id)}</code>
        </p>
      )}
      <Field id="fm-title" label={LABEL.title} error={errorOf('title')}>
        {(control) => (
          <input
            {...control}
            value={text(front.title)}
            onChange={(event) => set('title', event.target.value)}
          />
        )}
      </Field>
      <Field id="fm-category" label={LABEL.category} error={errorOf('category')}>
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
        label={LABEL.summary}
        error={errorOf('summary')}
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
        legend={LABEL.providerTypes}
        error={errorOf('providerTypes')}
        options={Object.entries(PROVIDER_TYPES)}
        value={list(front.providerTypes)}
        onChange={(next) => set('providerTypes', next)}
      />
      <CheckboxGroup
        legend={LABEL.contacts}
        hint="Every contact the steps name."
        error={errorOf('contacts')}
        options={contactRoles}
        value={list(front.contacts)}
        onChange={(next) => set('contacts', next)}
      />
      <CheckboxGroup
        legend={LABEL.systems}
        error={errorOf('systems')}
        options={Object.entries(SYSTEMS).map(([id, system]) => [id, system.label])}
        value={list(front.systems)}
        onChange={(next) => set('systems', next)}
      />
      <Field id="fm-reviewed" label={LABEL.reviewed} error={errorOf('reviewed')}>
        {(control) => (
          <input
            {...control}
            type="date"
            value={text(front.reviewed)}
            onChange={(event) => set('reviewed', event.target.value)}
          />
        )}
      </Field>
      <Field id="fm-owner" label={LABEL.owner} error={errorOf('owner')}>
        {(control) => (
          <input
            {...control}
            value={text(front.owner)}
            onChange={(event) => set('owner', event.target.value)}
          />
        )}
      </Field>
      <Field
        id="fm-version"
        label={LABEL.version}
        error={errorOf('version')}
        hint="Goes up by one each time you save a change."
      >
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
