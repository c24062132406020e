/** What an action just did, or why it failed: a success is read out politely, a failure at once. */
export interface Outcome {
  ok: boolean;
  message: string;
}

export function OutcomeMessage({ outcome }: { outcome: Outcome | null }) {
  if (!outcome) return null;
  return (
    <p role={outcome.ok ? 'status' : 'alert'} className={outcome.ok ? 'notice' : 'save-failed'}>
      {outcome.message}
    </p>
  );
}
