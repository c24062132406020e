import type { ReactNode } from 'react';

/**
 * Runbook HTML (already made safe by the core) as plain React text with no links or other
 * controls: for places that are themselves a control, such as a decision option's label, where
 * a link inside would be a control inside a control. A link's words stay, in bold, so the reader
 * still sees where the choice leads.
 */
export function inertText(html: string): ReactNode[] {
  const body = new DOMParser().parseFromString(html, 'text/html').body;
  return Array.from(body.childNodes, (node, index) => inertNode(node, index));
}

function inertNode(node: ChildNode, key: number): ReactNode {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (!(node instanceof Element)) return null;
  const children = Array.from(node.childNodes, (child, index) => inertNode(child, index));
  const tag = node.tagName.toLowerCase();
  if (tag === 'a' || tag === 'strong' || tag === 'b') return <strong key={key}>{children}</strong>;
  if (tag === 'em' || tag === 'i') return <em key={key}>{children}</em>;
  // A value the provider typed keeps its own direction here too (see isolate in markdown.ts).
  if (tag === 'bdi')
    return (
      <bdi key={key} dir={node.getAttribute('dir') === 'ltr' ? 'ltr' : undefined}>
        {children}
      </bdi>
    );
  return <span key={key}>{children}</span>;
}

/** Runbook HTML as one line of plain text, shortened for lists. */
export function plainText(html: string, max = Infinity): string {
  const text = new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '';
  return text.length > max ? `${text.slice(0, max - 2)}…` : text;
}
