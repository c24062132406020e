import { describe, expect, it } from 'vitest';
import { trialCount } from '../../main/core/__fixtures__/trialCounts';
import { findUnsafeHtml } from './htmlOracle';
import { describeMarkdownFuzz, markdownTrial, runMarkdownFuzz } from './markdownFuzz';

const SEED = 20_261_123;
const INPUTS = trialCount('markdownInputs');

describe('the HTML safety oracle', () => {
  it.each([
    '<p><script>alert(1)</script></p>',
    '<img src="x">',
    '<a href="javascript:alert(1)">x</a>',
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<a href="java&Tab;script:alert(1)">x</a>',
    '<a href="file:///etc/passwd">x</a>',
    '<a href="">x</a>',
    '<p onclick="x">x</p>',
    '<span ONMOUSEOVER="x">x</span>',
    '<p>1 < 2</p>',
    '<iframe></iframe>',
    '<td style="background:url(x)">x</td>',
  ])('flags %j', (html) => {
    expect(findUnsafeHtml(html)).not.toEqual([]);
  });

  it.each([
    '<p>1 &lt; 2 &amp; <a href="https://www.ncsc.gov.uk/x?a=1&amp;b=2" data-external="true" rel="noreferrer noopener">NCSC</a></p>',
    '<a href="#/contacts/it-supplier" data-contact-role="it-supplier">add</a>',
    '<a href="#call" data-step="call">go</a> <a>empty</a>',
    '<table><tr><td style="text-align:right">1</td></tr></table><br /><hr>',
  ])('passes %j', (html) => {
    expect(findUnsafeHtml(html)).toEqual([]);
  });
});

describe('markdown fuzzing', () => {
  it(`renders ${INPUTS} seeded hostile documents without a throw or anything unsafe in the HTML`, () => {
    const summary = runMarkdownFuzz({ inputs: INPUTS, seed: SEED });
    for (const line of describeMarkdownFuzz(summary)) console.log(line);

    expect(summary.examples).toEqual([]);
    expect(summary).toMatchObject({ inputs: INPUTS, failures: 0 });
    // The runbook path must really have been exercised, not just refused.
    expect(summary.runbooksRendered).toBeGreaterThan(INPUTS / 10);
  }, 120_000);

  it('replays any trial alone from its seed', () => {
    expect(markdownTrial(SEED + 7)).toEqual(markdownTrial(SEED + 7));
  });
});
