import '../../lib/zodConfig';
import { useEffect, useMemo, useRef, useState, type ChangeEvent, type DragEvent } from 'react';
import type { ImportHeader, PlanPreview } from '../../../main/contract/importTypes';
import { importHeaderSchema, MAX_IMPORT_BYTES } from '../../../main/contract/importSchemas';
import { CATEGORIES, PROVIDER_TYPES, type ProviderType } from '../../../main/contract/vocabulary';
import { request } from '../../api';
import type { ApiError } from '../../../main/contract/result';
import { describeError } from '../../errors';
import { announceLibraryChanged } from '../../lib/useReloadOnFocus';
import { toBase64 } from '../../lib/base64';
import { Field } from '../../ui/Field';
import { useCall } from '../../useCall';
import { href } from '../../useRoute';
import { CheckboxGroup } from './CheckboxGroup';
import { ImportPreviewList } from './ImportPreviewList';
import { ImportResults, type FileResult } from './ImportResults';
import { headerFieldLabels } from '../../../main/contract/headerFields';

const AUTHOR_KEY = 'holdfast-author-name';
const PASTED = 'Pasted text';
type EditableField = 'title' | 'id' | 'category' | 'summary' | 'owner';
const FIELDS: Array<{ field: EditableField; label: string; hint?: string }> = [
  { field: 'title', label: headerFieldLabels.title },
  {
    field: 'id',
    label: headerFieldLabels.id,
    hint: 'Small letters, numbers and hyphens. It cannot change once the runbook is saved.',
  },
  { field: 'category', label: headerFieldLabels.category },
  {
    field: 'summary',
    label: headerFieldLabels.summary,
    hint: 'One or two sentences: when to use this runbook.',
  },
  { field: 'owner', label: headerFieldLabels.owner },
];

/** The document the preview was made from, kept so changed choices can be shown again. */
interface Chosen {
  name: string;
  preview: PlanPreview;
}

/** The core says in plain words why it could not read a document; other failures get the usual words. */
const refusal = (error: ApiError): string =>
  error.code === 'INVALID_INPUT' ? error.message : describeError(error);

const tooLarge = (file: File): string =>
  `“${file.name}” is larger than 5 MB. Split it into smaller files.`;

/**
 * "Import a plan": a document (a file or pasted text) becomes a proposed draft runbook. The
 * preview shows what becomes a step and what stays text; the person can change the details and
 * the placeholders, then saves it as a draft, which opens in the editor. Several files chosen or
 * dropped at once are each saved as a draft as proposed, with a result line per file.
 */
export function ImportPlanScreen() {
  const [pasted, setPasted] = useState('');
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [edits, setEdits] = useState<Partial<Record<EditableField, string>>>({});
  const [mappings, setMappings] = useState<Record<string, string>>({});
  /** Null until the person changes the provider types the import proposed. */
  const [providerTypes, setProviderTypes] = useState<ProviderType[] | null>(null);
  const [results, setResults] = useState<FileResult[]>([]);
  const [dropping, setDropping] = useState(false);
  const [author, setAuthor] = useState(() => localStorage.getItem(AUTHOR_KEY) ?? '');
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);
  /** True while changed choices are being shown again: saving then would save the old text. */
  const [stale, setStale] = useState(false);
  /** Why Save did nothing, said beside it rather than a Save button greyed out without a reason. */
  const [notSaved, setNotSaved] = useState('');
  const [contacts] = useCall('contacts.list', {});
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const providerTypesError =
    providerTypes !== null && providerTypes.length === 0
      ? 'choose at least one kind of provider'
      : undefined;

  const fieldErrors = useMemo(() => {
    const errors: Partial<Record<EditableField, string>> = {};
    for (const [field, value] of Object.entries(edits) as Array<[EditableField, string]>) {
      const checked = importHeaderSchema.shape[field].safeParse(value);
      if (!checked.success) errors[field] = checked.error.issues[0]?.message ?? 'not valid';
    }
    return errors;
  }, [edits]);

  /** Pasted text has no file name: its id then comes from its title. */
  const propose = async (input: {
    name?: string;
    text?: string;
    base64?: string;
  }): Promise<void> => {
    setFailure('');
    setBusy(true);
    const result = await request('runbooks.importPreview', input);
    setBusy(false);
    if (!result.ok) {
      setFailure(describeError(result.error));
      return;
    }
    setEdits({});
    setMappings({});
    setNotSaved('');
    setProviderTypes(null);
    setResults([]);
    setChosen({ name: input.name ?? PASTED, preview: result.value });
    requestAnimationFrame(() => previewHeading.current?.focus());
  };

  /** Each file becomes its own draft, one after another, each with its own result line. */
  const importEach = async (files: File[]): Promise<void> => {
    setFailure('');
    setChosen(null);
    setBusy(true);
    localStorage.setItem(AUTHOR_KEY, author.trim());
    const lines: FileResult[] = files.map((file) => ({ name: file.name, state: 'waiting' }));
    setResults([...lines]);
    // The results appear below the paste box: take the person there.
    requestAnimationFrame(() => document.getElementById('import-results-title')?.focus());
    for (const [index, file] of files.entries()) {
      if (file.size > MAX_IMPORT_BYTES) {
        lines[index] = { name: file.name, state: 'refused', reason: tooLarge(file) };
      } else {
        const result = await request('runbooks.importDraft', {
          name: file.name,
          base64: toBase64(new Uint8Array(await file.arrayBuffer())),
          ...(author.trim() ? { author: author.trim() } : {}),
        });
        lines[index] = result.ok
          ? { name: file.name, state: 'done', draft: result.value }
          : { name: file.name, state: 'refused', reason: refusal(result.error) };
      }
      setResults([...lines]);
    }
    setBusy(false);
    announceLibraryChanged();
  };

  /** One file is previewed before it is saved; several are each saved as a draft. */
  const chooseFiles = async (files: File[]): Promise<void> => {
    const [file] = files;
    if (!file) return;
    if (files.length > 1) return importEach(files);
    setResults([]);
    if (file.size > MAX_IMPORT_BYTES) {
      setFailure(tooLarge(file));
      return;
    }
    await propose({ name: file.name, base64: toBase64(new Uint8Array(await file.arrayBuffer())) });
  };

  const pickFiles = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const files = [...(event.target.files ?? [])];
    event.target.value = '';
    await chooseFiles(files);
  };

  const dropFiles = async (event: DragEvent<HTMLElement>): Promise<void> => {
    event.preventDefault();
    setDropping(false);
    if (busy) return;
    await chooseFiles([...event.dataTransfer.files]);
  };

  // Changed details and placeholder choices are shown again from the document's text.
  const source = chosen?.preview.source;
  const name = chosen?.name;
  useEffect(() => {
    if (source === undefined || name === undefined) return;
    const header: Partial<ImportHeader> = {};
    for (const [field, value] of Object.entries(edits) as Array<[EditableField, string]>)
      if (!fieldErrors[field]) Object.assign(header, { [field]: value });
    if (providerTypes !== null && providerTypes.length > 0) header.providerTypes = providerTypes;
    if (Object.keys(header).length === 0 && Object.keys(mappings).length === 0) {
      // Nothing to show again (an earlier request was cancelled), so nothing is pending.
      setStale(false);
      return;
    }
    let current = true;
    setStale(true);
    const timer = setTimeout(() => {
      void request('runbooks.importPreview', {
        ...(name === PASTED ? {} : { name }),
        format: 'md',
        text: source,
        header,
        mappings,
      }).then((result) => {
        if (!current) return;
        setStale(false);
        if (result.ok) setChosen({ name, preview: { ...result.value, source } });
        else setFailure(describeError(result.error));
      });
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [source, name, edits, mappings, fieldErrors, providerTypes]);

  const targets = useMemo((): Array<[string, string]> => {
    const roles =
      contacts.status === 'ready'
        ? [
            ...contacts.value.roles.map(({ role, label }): [string, string] => [
              `contact:${role}`,
              `Contact: ${label}`,
            ]),
            ...contacts.value.national.map(({ id, name: label }): [string, string] => [
              `contact:${id}`,
              `National contact: ${label}`,
            ]),
          ]
        : [];
    return [
      ['keep', 'Leave it as written'],
      ['organisation', 'Your organisation’s name (from Settings)'],
      ['setting:regulator', 'Who regulates you (from Settings)'],
      ...roles,
    ];
  }, [contacts]);

  const save = async (): Promise<void> => {
    if (!chosen) return;
    localStorage.setItem(AUTHOR_KEY, author.trim());
    setBusy(true);
    const result = await request('runbooks.save', {
      id: null,
      text: chosen.preview.text,
      ...(author.trim() ? { author: author.trim() } : {}),
      message: `Imported from ${chosen.name}`.slice(0, 500),
    });
    setBusy(false);
    if (!result.ok) {
      setFailure(refusal(result.error));
      return;
    }
    announceLibraryChanged();
    window.location.hash = href.editRunbook(result.value.id);
  };

  const preview = chosen?.preview;
  const errors = preview?.problems.filter((problem) => problem.severity === 'error') ?? [];
  const warnings = (preview?.problems.length ?? 0) - errors.length;
  const hasFieldErrors = Object.keys(fieldErrors).length > 0 || providerTypesError !== undefined;

  return (
    <>
      <p>
        <a href={href.all}>← All runbooks</a>
      </p>
      <h1 id="page-title" tabIndex={-1}>
        Import a plan
      </h1>
      <p className="lead">
        Turn a plan you already have into a draft runbook. You see what becomes a step before
        anything is saved. A draft is not shown to staff in an incident until it is published.
      </p>
      <section aria-labelledby="import-source-title">
        <h2 id="import-source-title">1. Choose the plan</h2>
        <Field id="import-author" label="Your name (kept in the runbook’s history)">
          {(control) => (
            <input
              {...control}
              type="text"
              autoComplete="name"
              value={author}
              onChange={(event) => setAuthor(event.target.value)}
            />
          )}
        </Field>
        <div
          className={`field import-drop${dropping ? ' import-drop-over' : ''}`}
          onDragOver={(event) => {
            event.preventDefault();
            setDropping(true);
          }}
          onDragLeave={() => setDropping(false)}
          onDrop={(event) => void dropFiles(event)}
        >
          <label htmlFor="plan-file">Choose one file or several (.md, .txt or Word .docx)</label>
          <p className="hint" id="plan-file-hint">
            At most 5 MB each. You can also drop files here. One file: you check what becomes a step
            before saving. Several: each is saved as a draft for you to check in the editor. For a
            PDF, copy its text and paste it below.
          </p>
          <input
            id="plan-file"
            type="file"
            multiple
            accept=".md,.markdown,.txt,.docx,text/markdown,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            aria-describedby="plan-file-hint"
            disabled={busy}
            onChange={(event) => void pickFiles(event)}
          />
        </div>
        <Field id="plan-text" label="Or paste the plan’s text">
          {(control) => (
            <textarea
              {...control}
              rows={8}
              value={pasted}
              onChange={(event) => setPasted(event.target.value)}
            />
          )}
        </Field>
        <button
          type="button"
          disabled={busy}
          onClick={() => {
            if (pasted.trim() === '') {
              setFailure('Paste the plan’s text into the box first, or choose a file.');
              document.getElementById('plan-text')?.focus();
              return;
            }
            void propose({ text: pasted });
          }}
        >
          Show what becomes a step
        </button>
      </section>
      {failure && (
        <p role="alert" className="save-failed">
          {failure}
        </p>
      )}
      {results.length > 0 && <ImportResults results={results} />}
      {preview && chosen && (
        <>
          <section aria-labelledby="import-preview-title">
            <h2 id="import-preview-title" ref={previewHeading} tabIndex={-1}>
              2. Check what becomes a step: {chosen.name}
            </h2>
            <p role="status">
              {preview.counts.steps} {preview.counts.steps === 1 ? 'step' : 'steps'} in{' '}
              {preview.counts.phases} {preview.counts.phases === 1 ? 'phase' : 'phases'};{' '}
              {preview.counts.textBlocks}{' '}
              {preview.counts.textBlocks === 1 ? 'part stays' : 'parts stay'} as text.
            </p>
            {preview.notes.length > 0 && (
              <ul>
                {preview.notes.map((note) => (
                  <li key={note}>{note}</li>
                ))}
              </ul>
            )}
            <ImportPreviewList blocks={preview.blocks} />
          </section>
          <section aria-labelledby="import-details-title">
            <h2 id="import-details-title">3. Check the details</h2>
            {FIELDS.map(({ field, label, hint }) => (
              <Field
                key={field}
                id={`import-${field}`}
                label={label}
                hint={hint}
                error={fieldErrors[field]}
              >
                {(control) =>
                  field === 'category' ? (
                    <select
                      {...control}
                      value={edits.category ?? preview.header.category}
                      onChange={(event) => setEdits({ ...edits, category: event.target.value })}
                    >
                      {Object.entries(CATEGORIES).map(([id, text]) => (
                        <option key={id} value={id}>
                          {text}
                        </option>
                      ))}
                    </select>
                  ) : field === 'summary' ? (
                    <textarea
                      {...control}
                      rows={3}
                      value={edits.summary ?? preview.header.summary}
                      onChange={(event) => setEdits({ ...edits, summary: event.target.value })}
                    />
                  ) : (
                    <input
                      {...control}
                      type="text"
                      value={edits[field] ?? preview.header[field]}
                      onChange={(event) => setEdits({ ...edits, [field]: event.target.value })}
                    />
                  )
                }
              </Field>
            ))}
            <CheckboxGroup
              legend={headerFieldLabels.providerTypes}
              hint="The kinds of provider this runbook is for."
              error={providerTypesError}
              options={Object.entries(PROVIDER_TYPES)}
              value={providerTypes ?? preview.header.providerTypes}
              onChange={(next) => setProviderTypes(next as ProviderType[])}
            />
          </section>
          {preview.variables.length > 0 && (
            <section aria-labelledby="import-variables-title">
              <h2 id="import-variables-title">4. Placeholders to fill in</h2>
              <p>
                The plan has gaps to fill in. Choose what each one should show. One left as written
                stays in the text for you to fix.
              </p>
              {preview.variables.map((variable, index) => (
                <Field
                  key={variable.written}
                  id={`import-variable-${index}`}
                  label={`${variable.written} (used ${variable.uses} ${variable.uses === 1 ? 'time' : 'times'})`}
                >
                  {(control) => (
                    <select
                      {...control}
                      value={variable.chosen}
                      onChange={(event) =>
                        setMappings({ ...mappings, [variable.written]: event.target.value })
                      }
                    >
                      {targets.map(([value, text]) => (
                        <option key={value} value={value}>
                          {text}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
              ))}
            </section>
          )}
          <section aria-labelledby="import-save-title">
            <h2 id="import-save-title">Save</h2>
            <p>
              {errors.length === 0
                ? `No errors. ${warnings} ${warnings === 1 ? 'thing' : 'things'} to tidy up later in the editor.`
                : `${errors.length} ${errors.length === 1 ? 'error' : 'errors'} to fix before saving:`}
            </p>
            {errors.length > 0 && (
              <ul>
                {errors.map((problem) => (
                  <li key={`${problem.line}-${problem.message}`}>{problem.message}</li>
                ))}
              </ul>
            )}
            <button
              type="button"
              className="button-primary"
              disabled={busy || stale}
              aria-describedby={notSaved ? 'import-not-saved' : undefined}
              onClick={() => {
                const why =
                  errors.length > 0
                    ? `Not saved: fix the ${errors.length === 1 ? 'error' : `${errors.length} errors`} listed above first.`
                    : hasFieldErrors
                      ? 'Not saved: correct the details marked above first.'
                      : '';
                setNotSaved(why);
                if (!why) void save();
              }}
            >
              Save as draft
            </button>
            {notSaved && (
              <p id="import-not-saved" role="alert" className="save-failed">
                {notSaved}
              </p>
            )}
          </section>
        </>
      )}
    </>
  );
}
