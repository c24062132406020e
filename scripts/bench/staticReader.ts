import type { ContactRef, Runbook, Step } from '../../main/contract/types';
import { CLOCKS, PROVIDER_TYPES } from '../../main/contract/vocabulary';
import {
  contactDisplay,
  renderMarkdown,
  renderMarkdownInline,
  type RenderEnv,
} from '../../main/shared/markdown';

/**
 * The reader page as plain pre-rendered HTML: the same markup RunbookReader produces (same
 * classes, same markdown pipeline, same stylesheet) but no script. It is the floor the real app
 * is compared against.
 */

const escape = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const formatDate = (iso: string): string =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });

function envFor(contacts: ContactRef[]): RenderEnv {
  const byRole = new Map(contacts.map((contact) => [contact.role, contact]));
  return {
    resolveContact: (role) => {
      const ref = byRole.get(role);
      return ref ? contactDisplay(ref) : null;
    },
  };
}

function stepHtml(step: Step, env: RenderEnv): string {
  const options =
    step.options.length === 0
      ? ''
      : `<ul class="options" aria-label="Choices">${step.options
          .map(
            (option) =>
              `<li><strong>${escape(option.label)}:</strong> <span>${renderMarkdownInline(option.text, env)}</span></li>`,
          )
          .join('')}</ul>`;
  return (
    `<li id="step-${escape(step.id)}" class="step step-${step.kind}" tabindex="-1" value="${step.number}">` +
    `<p class="step-text">${step.kind === 'decision' ? '<span class="step-kind">Decision: </span>' : ''}<span>${renderMarkdownInline(step.text, env)}</span></p>` +
    (step.details ? `<div class="step-details">${renderMarkdown(step.details, env)}</div>` : '') +
    `${options}</li>`
  );
}

function contactsHtml(contacts: ContactRef[]): string {
  if (contacts.length === 0) return '';
  const items = contacts.map((contact) => {
    if (!contact.channels)
      return `<li class="contact contact-missing"><strong>${escape(contact.label)}</strong><span class="contact-missing-text"> — not set yet: add your local number</span></li>`;
    const channels = contact.channels
      .map((channel) => `${channel.value}${channel.note ? ` (${channel.note})` : ''}`)
      .join(' · ');
    const hours = contact.hours
      ? `<span class="contact-hours"> — ${escape(contact.hours)}</span>`
      : '';
    const source = contact.national
      ? `<span class="contact-source"> National contact. ${contact.checked ? `Last checked ${formatDate(contact.checked)}.` : 'Never checked.'}${contact.pageDate ? ` Page dated ${formatDate(contact.pageDate)}.` : ''}</span>`
      : '';
    return `<li class="contact"><strong>${escape(contact.label)}</strong> ${escape(channels)}${hours}${source}</li>`;
  });
  return `<section class="contacts" aria-labelledby="contacts-title"><h2 id="contacts-title">Who you may need to call</h2><ul>${items.join('')}</ul></section>`;
}

export function renderStaticReader(runbook: Runbook, stylesheetHref: string): string {
  const env = envFor(runbook.contacts);
  const meta = [
    ['Last reviewed', formatDate(runbook.reviewed)],
    ['Version', String(runbook.version)],
    ['Looked after by', runbook.owner],
    ['For', runbook.providerTypes.map((type) => PROVIDER_TYPES[type]).join(', ')],
  ]
    .map(
      ([term, value]) => `<div><dt>${escape(term ?? '')}</dt><dd>${escape(value ?? '')}</dd></div>`,
    )
    .join('');
  const clocks =
    runbook.clocks.length === 0
      ? ''
      : `<section class="clocks" aria-labelledby="clocks-title"><h2 id="clocks-title">Deadlines this may start</h2><ul>${runbook.clocks.map((clock) => `<li>${escape(CLOCKS[clock])}</li>`).join('')}</ul></section>`;
  const nav =
    runbook.phases.length > 1
      ? `<nav aria-label="Phases" class="phase-nav"><ol>${runbook.phases.map((phase) => `<li><a href="#phase-${escape(phase.id)}">${escape(phase.title)}</a></li>`).join('')}</ol></nav>`
      : '';
  const phases = runbook.phases
    .map(
      (phase) =>
        `<section class="phase" aria-labelledby="phase-${escape(phase.id)}"><h2 id="phase-${escape(phase.id)}" tabindex="-1">${escape(phase.title)}</h2>` +
        (phase.intro ? `<div>${renderMarkdown(phase.intro, env)}</div>` : '') +
        `<ol class="steps">${phase.steps.map((step) => stepHtml(step, env)).join('')}</ol></section>`,
    )
    .join('');
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(runbook.title)} — Holdfast</title>
<link rel="stylesheet" href="${escape(stylesheetHref)}">
</head>
<body>
<header class="app-header"><a class="brand" href="#/">Holdfast</a><div class="search" role="search"><label for="search-input" class="search-label">Search runbooks <kbd>Ctrl</kbd>+<kbd>K</kbd></label><input id="search-input" type="search" autocomplete="off" placeholder="For example: ransom, lost phone, email hacked"></div></header>
<main id="main" tabindex="-1">
<article class="reader" aria-labelledby="page-title">
<p><a href="#/">← What's happening?</a></p>
<h1 id="page-title" tabindex="-1">${escape(runbook.title)}</h1>
<p class="lead">${escape(runbook.summary)}</p>
<dl class="runbook-meta">${meta}</dl>
${runbook.intro ? `<div>${renderMarkdown(runbook.intro, env)}</div>` : ''}
${clocks}
${contactsHtml(runbook.contacts)}
${nav}
${phases}
</article>
</main>
<footer class="app-footer"><p>Holdfast works without the internet. Nothing you type leaves this computer.</p></footer>
</body>
</html>
`;
}
