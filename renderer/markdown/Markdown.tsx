import { useMemo, type MouseEvent } from 'react';
import type { ContactRef } from '../../main/contract/types';
import { contactDisplay, renderMarkdown, renderMarkdownInline } from '../../main/shared/markdown';
import { request } from '../api';

interface MarkdownProps {
  source: string;
  contacts?: ContactRef[];
  inline?: boolean;
  className?: string;
  /** Called with a message when an outside link could not be opened. */
  onNotice?: (message: string) => void;
}

/**
 * The only place runbook text becomes HTML. The source is untrusted; `renderMarkdown` emits no
 * raw HTML, only allow-listed links and no images, and the CSP forbids inline script anyway.
 */
export function Markdown({ source, contacts = [], inline = false, className, onNotice }: MarkdownProps) {
  const html = useMemo(() => {
    const byRole = new Map(contacts.map((contact) => [contact.role, contact]));
    const env = { resolveContact: (role: string) => { const ref = byRole.get(role); return ref ? contactDisplay(ref) : null; } };
    return inline ? renderMarkdownInline(source, env) : renderMarkdown(source, env);
  }, [source, contacts, inline]);

  const onClick = (event: MouseEvent<HTMLElement>): void => {
    const link = (event.target as HTMLElement).closest('a');
    if (!link) return;
    if (link.dataset.external === 'true') {
      // Outside links never open inside the app window: the main process confirms and opens them.
      event.preventDefault();
      void request('links.openExternal', { url: link.getAttribute('href') ?? '' }).then((result) => {
        if (result.ok && !result.value.opened && result.value.reason) onNotice?.(result.value.reason);
      });
    } else if (link.dataset.step) {
      event.preventDefault();
      const target = document.getElementById(`step-${link.dataset.step}`);
      target?.scrollIntoView({ block: 'start' });
      target?.focus();
    } else if (!link.dataset.runbook) {
      event.preventDefault();
    }
  };

  const Tag = inline ? 'span' : 'div';
  // Safe by construction (see renderMarkdown); this is the one innerHTML sink in the app.
  return <Tag className={className} onClick={onClick} dangerouslySetInnerHTML={{ __html: html }} />;
}
