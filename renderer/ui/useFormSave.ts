import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ErrorCode, Result } from '../../main/contract/result';
import { describeError } from '../errors';

/** Field path ("channels.0.value", "impact") → the mistake to show beside it. */
export type FieldErrors = Record<string, string>;

/**
 * The save cycle every form shares: check with the same schema the core uses, show mistakes in
 * the error summary (which takes focus), send, and say "Saved" only once the core has written.
 * The page title takes focus when the form opens: forms are loaded on demand after the route changed.
 */
export function useFormSave<T, R>(options: {
  validate: (value: T) => FieldErrors;
  save: (value: T) => Promise<Result<R>>;
  onSaved: (saved: R, value: T) => void;
  /** Failures whose own message helps the user fix the form (it is shown after the plain words). */
  detailFor: ErrorCode[];
}) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState('');
  const [saving, setSaving] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  useEffect(() => document.getElementById('page-title')?.focus(), []);
  const showSummary = (): void => {
    requestAnimationFrame(() => summaryRef.current?.focus());
  };

  const submit = (event: FormEvent, value: T): void => {
    event.preventDefault();
    const found = options.validate(value);
    setErrors(found);
    setFailure('');
    if (Object.keys(found).length > 0) {
      showSummary();
      return;
    }
    setSaving(true);
    void options.save(value).then((result) => {
      setSaving(false);
      if (result.ok) {
        options.onSaved(result.value, value);
        return;
      }
      const plain = describeError(result.error);
      // Some plain words already quote the core's detail (NOT_FOUND does): never say it twice.
      const addDetail =
        options.detailFor.includes(result.error.code) && !plain.includes(result.error.message);
      setFailure(addDetail ? `${plain} (${result.error.message})` : plain);
      showSummary();
    });
  };
  return { errors, failure, saving, summaryRef, submit };
}

/** A schema's issues as field errors: the first per field, starting with a capital. */
export function issuesToErrors(
  issues: ReadonlyArray<{ path: readonly PropertyKey[]; message: string }>,
  depth?: number,
): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.slice(0, depth).map(String).join('.');
    errors[key] ??= issue.message.charAt(0).toUpperCase() + issue.message.slice(1);
  }
  return errors;
}
