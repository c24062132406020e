// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { inertText } from '../lib/inertText';
import { ChannelList } from './ChannelList';

afterEach(cleanup);

it('shows each number left to right in its own isolate, and notes isolated too', () => {
  const { container } = render(
    <ChannelList
      channels={[
        { kind: 'phone', value: '0300 999 1111', note: 'Org \u202e' },
        { kind: 'other', value: 'Radio channel 4' },
      ]}
    />,
  );
  const values = [...container.querySelectorAll('bdi.channel-value')];
  expect(values.map((value) => [value.textContent, value.getAttribute('dir')])).toEqual([
    ['0300 999 1111', 'ltr'],
    ['Radio channel 4', null],
  ]);
  expect(container.querySelector('.channel-note bdi')?.textContent).toBe('Org \u202e');
});

it('keeps the isolates of runbook HTML when it is shown as plain text', () => {
  const { container } = render(
    <p>
      {inertText(
        '<span class="contact-ref"><strong><bdi>Insurer</bdi></strong>: <bdi>Org \u202e</bdi> — <bdi dir="ltr">0300 999 1111</bdi></span>',
      )}
    </p>,
  );
  const isolates = [...container.querySelectorAll('bdi')];
  expect(isolates.map((bdi) => bdi.getAttribute('dir'))).toEqual([null, null, 'ltr']);
  expect(isolates[2]?.textContent).toBe('0300 999 1111');
});
