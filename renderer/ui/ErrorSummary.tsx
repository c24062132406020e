import type { ReactNode, RefObject } from 'react';

/**
 * The box at the top of a form after a failed save: either the core's reason ("Not saved") or
 * each field's mistake. It takes focus (through `summaryRef`) so screen readers announce it.
 */
export function ErrorSummary({
  failure,
  items,
  summaryRef,
}: {
  failure: string;
  /** One entry per field with a mistake; empty when the failure is the whole save's. */
  items: Array<{ key: string; text: ReactNode }>;
  summaryRef: RefObject<HTMLDivElement | null>;
}) {
  if (items.length === 0 && !failure) return null;
  return (
    <div
      className="error-summary"
      role="alert"
      tabIndex={-1}
      ref={summaryRef}
      aria-labelledby="error-summary-title"
    >
      <h2 id="error-summary-title">{failure ? 'Not saved' : 'Please check these details'}</h2>
      {failure ? (
        <p>{failure}</p>
      ) : (
        <ul>
          {items.map((item) => (
            <li key={item.key}>{item.text}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
