import type { MouseEvent } from 'react';
import { request } from '../api';

interface SafeHtmlProps {
  /** HTML from the core's markdown pipeline (raw HTML off, links allow-listed, no images). */
  html: string;
  inline?: boolean;
  className?: string;
  /** Called with a message when an outside link could not be opened. */
  onNotice?: (message: string) => void;
  /** Where a link to another step of the same runbook goes; by default the page scrolls to it. */
  onStepLink?: (stepId: string) => void;
}

/**
 * The one place runbook text enters the DOM. Links are routed here: outside links go to the main
 * process (which asks before opening a browser), step links scroll, runbook links,
 * "add your local number" and "add it in Systems" links navigate in the app.
 */
export function SafeHtml({ html, inline = false, className, onNotice, onStepLink }: SafeHtmlProps) {
  const onClick = (event: MouseEvent<HTMLElement>): void => {
    const link = (event.target as HTMLElement).closest('a');
    if (!link) return;
    if (link.dataset.external === 'true') {
      // Outside links never open inside the app window.
      event.preventDefault();
      void request('links.openExternal', { url: link.getAttribute('href') ?? '' }).then(
        (result) => {
          if (result.ok && !result.value.opened && result.value.reason)
            onNotice?.(result.value.reason);
        },
      );
    } else if (link.dataset.step) {
      event.preventDefault();
      if (onStepLink) return onStepLink(link.dataset.step);
      const target = document.getElementById(`step-${link.dataset.step}`);
      target?.scrollIntoView({ block: 'start' });
      target?.focus();
    } else if (!link.dataset.runbook && !link.dataset.contactRole && !link.dataset.system) {
      event.preventDefault();
    }
  };
  const Tag = inline ? 'span' : 'div';
  // The only innerHTML sink in the app; the core's pipeline makes the HTML safe by construction.
  // eslint-disable-next-line react/no-danger -- html comes only from main/shared/markdown.ts (raw HTML off, allow-listed links, no images), fuzzed in every test run
  return <Tag className={className} onClick={onClick} dangerouslySetInnerHTML={{ __html: html }} />;
}
