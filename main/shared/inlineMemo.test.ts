import { describe, expect, it, vi } from 'vitest';
import { createMarkdown, type RenderEnv } from './markdown';

// Fresh pipelines, so spies see only these tests' parses; the memo is shared by all pipelines.
const lint = createMarkdown('lint');
const render = createMarkdown('render');

/** Renders `source` and says how many paragraphs render had to parse itself. */
function renderCounting(source: string, env: RenderEnv = {}): { html: string; parsed: number } {
  const spy = vi.spyOn(render.inline, 'parse');
  try {
    const html = render.render(source, { ...env });
    return { html, parsed: spy.mock.calls.length };
  } finally {
    spy.mockRestore();
  }
}

describe('inline parses shared between checking and rendering', () => {
  it('renders a checked document from the check’s inline tokens, with the same HTML', () => {
    const source =
      '# Call [the runbook](runbook:ransomware) *now*\n\n| a | **b** |\n|-|-|\n| [step](#call) | `c` |\n\n> Phone {{contact:csoc}}.';
    const fresh = renderCounting(source);
    expect(fresh.parsed).toBeGreaterThan(0);
    lint.parse(source, {});
    const reused = renderCounting(source);
    expect(reused.parsed).toBe(0);
    expect(reused.html).toBe(fresh.html);
  });

  it('renders reused tokens again and again the same way (a render changes only its own copy)', () => {
    const source =
      'See [the runbook](runbook:ransomware#pay) and [NCSC](https://www.ncsc.gov.uk/).';
    lint.parse(source, {});
    const first = renderCounting(source);
    const second = renderCounting(source);
    expect(first.parsed + second.parsed).toBe(0);
    expect(second.html).toBe(first.html);
    expect(first.html).toContain('href="#/runbooks/ransomware/pay"');
  });

  it('fills placeholders at each render, not at the check', () => {
    const source = 'Phone {{contact:csoc}} first.';
    lint.parse(source, {});
    const one = renderCounting(source, {
      resolveContact: () => ({ label: 'CSOC', detail: '0300 111' }),
    });
    const two = renderCounting(source, {
      resolveContact: () => ({ label: 'CSOC', detail: '0300 222' }),
    });
    expect(one.parsed + two.parsed).toBe(0);
    expect(one.html).toContain('0300 111');
    expect(two.html).toContain('0300 222');
  });

  it('parses again a paragraph whose links the allow-list refused, since the check let them through', () => {
    const source = 'Kept paragraph.\n\nClick [here](javascript:alert(1)) or ![x](photo.png).';
    const fresh = renderCounting(source);
    lint.parse(source, {});
    const after = renderCounting(source);
    expect(after.parsed).toBe(1);
    expect(after.html).toBe(fresh.html);
    expect(after.html).not.toContain('<a');
  });

  it('keeps nothing from a document with reference definitions', () => {
    const source = 'See [NCSC][n].\n\n[n]: https://www.ncsc.gov.uk/';
    lint.parse(source, {});
    expect(renderCounting('See [NCSC][n].').parsed).toBe(1);
    const whole = renderCounting(source);
    expect(whole.parsed).toBe(1);
    expect(whole.html).toContain('href="https://www.ncsc.gov.uk/"');
  });

  it('keeps only the last checked document', () => {
    lint.parse('First document.', {});
    lint.parse('Second document.', {});
    expect(renderCounting('First document.').parsed).toBe(1);
    expect(renderCounting('Second document.').parsed).toBe(0);
  });
});
