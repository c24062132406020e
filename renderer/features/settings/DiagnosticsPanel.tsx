import { useState } from 'react';
import { request } from '../../api';
import { describeError } from '../../errors';
import { OutcomeMessage, type Outcome } from '../../ui/OutcomeMessage';

/**
 * "Copy diagnostics": the version, system, data folder state and last errors as text for the
 * person's IT supplier. Nothing is sent anywhere; the text never holds incidents or contacts.
 */
export function DiagnosticsPanel() {
  const [text, setText] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const copy = async (): Promise<void> => {
    setOutcome(null);
    const result = await request('app.diagnostics', {});
    if (!result.ok) {
      setOutcome({ ok: false, message: describeError(result.error) });
      return;
    }
    setText(result.value.text);
    try {
      await navigator.clipboard.writeText(result.value.text);
      setOutcome({
        ok: true,
        message: 'Diagnostics copied. Paste them into an email to your IT supplier.',
      });
    } catch {
      // Shown below either way, so it can be selected and copied by hand.
      setOutcome({ ok: true, message: 'Select the diagnostics below and copy them.' });
    }
  };

  return (
    <section aria-labelledby="diagnostics-title">
      <h2 id="diagnostics-title" tabIndex={-1}>
        Diagnostics for your IT supplier
      </h2>
      <p>
        If Holdfast is not working properly, copy these details and send them to your IT supplier.
        They say which version this is, what computer it runs on and what went wrong. They never
        include your incidents or contacts, and Holdfast never sends them itself.
      </p>
      <button type="button" onClick={() => void copy()}>
        Copy diagnostics
      </button>
      <OutcomeMessage outcome={outcome} />
      {text && (
        <>
          <label htmlFor="diagnostics-text">Diagnostics</label>
          <textarea id="diagnostics-text" readOnly rows={12} value={text} />
        </>
      )}
    </section>
  );
}
