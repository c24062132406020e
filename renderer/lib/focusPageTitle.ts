/** How long a screen may take to show its title before moving focus to it is given up. */
const GIVE_UP_MS = 10_000;

/**
 * Moves focus to the new screen's title (`#page-title`) as soon as it is in the page. A screen
 * whose code or data is still loading shows its title only later; focusing whatever was there at
 * the route change would leave focus nowhere, and a keyboard or screen reader user at the top of
 * the document. Returns a function that stops waiting (the next route change calls it).
 */
export function focusPageTitle(root: ParentNode & Node = document): () => void {
  const focus = (): boolean => {
    const title = root.querySelector<HTMLElement>('#page-title');
    if (!title) return false;
    title.focus();
    // A title that cannot take focus (the screen before, hidden while the next one loads) is not it.
    return title.ownerDocument.activeElement === title;
  };
  if (focus()) return () => undefined;
  const observer = new MutationObserver(() => {
    if (focus()) stop();
  });
  const timer = setTimeout(() => stop(), GIVE_UP_MS);
  function stop(): void {
    observer.disconnect();
    clearTimeout(timer);
  }
  observer.observe(root, { childList: true, subtree: true, attributes: true });
  return stop;
}
