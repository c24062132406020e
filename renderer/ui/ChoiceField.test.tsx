// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChoiceField } from './ChoiceField';

afterEach(cleanup);

function YesNo() {
  const [answer, setAnswer] = useState<'yes' | 'no' | null>(null);
  return (
    <fieldset>
      <legend>Is anything down?</legend>
      <ChoiceField
        id="down-yes"
        type="radio"
        name="down"
        checked={answer === 'yes'}
        onChange={() => setAnswer('yes')}
      >
        Yes
      </ChoiceField>
      <ChoiceField
        id="down-no"
        type="radio"
        name="down"
        checked={answer === 'no'}
        onChange={() => setAnswer('no')}
      >
        No
      </ChoiceField>
    </fieldset>
  );
}

describe('ChoiceField', () => {
  it('is a checkbox named by its label, and says whether it is now ticked', () => {
    const onChange = vi.fn();
    render(
      <ChoiceField id="practice" checked={false} onChange={onChange}>
        This is a practice exercise
      </ChoiceField>,
    );
    const box = screen.getByRole('checkbox', { name: 'This is a practice exercise' });
    expect((box as HTMLInputElement).checked).toBe(false);
    fireEvent.click(screen.getByText('This is a practice exercise'));
    expect(onChange).toHaveBeenCalledWith(true);
    expect(box.closest('div')?.className).toBe('field-checkbox');
  });

  it('makes radio buttons of one set, one ticked at a time', () => {
    render(<YesNo />);
    const yes = screen.getByRole<HTMLInputElement>('radio', { name: 'Yes' });
    const no = screen.getByRole<HTMLInputElement>('radio', { name: 'No' });
    expect([yes.name, no.name]).toEqual(['down', 'down']);
    fireEvent.click(yes);
    expect([yes.checked, no.checked]).toEqual([true, false]);
    fireEvent.click(screen.getByText('No'));
    expect([yes.checked, no.checked]).toEqual([false, true]);
  });

  it('is spaced as a field of its own when asked', () => {
    render(
      <ChoiceField id="oob" checked onChange={() => undefined} inField>
        Still works when our phones are down
      </ChoiceField>,
    );
    const box = screen.getByRole('checkbox', { name: 'Still works when our phones are down' });
    expect((box as HTMLInputElement).checked).toBe(true);
    expect(box.closest('div')?.className).toBe('field field-checkbox');
  });
});
