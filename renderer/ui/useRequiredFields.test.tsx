// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState, type FormEvent } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useRequiredFields } from './useRequiredFields';

afterEach(cleanup);

function DecisionForm({ onSave }: { onSave: (text: string, why: string) => void }) {
  const [text, setText] = useState('');
  const [why, setWhy] = useState('');
  const required = useRequiredFields();
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const filled = required.check([
      { id: 'decided', filled: !!text.trim(), message: 'Enter what was decided' },
      { id: 'why', filled: !!why.trim(), message: 'Enter why it was decided' },
    ]);
    if (filled) onSave(text, why);
  };
  return (
    <form onSubmit={submit} noValidate>
      {required.summary}
      <label htmlFor="decided">What was decided</label>
      {required.errorFor('decided')}
      <input
        id="decided"
        value={text}
        {...required.controlProps('decided')}
        onChange={(event) => {
          setText(event.target.value);
          required.clear('decided');
        }}
      />
      <label htmlFor="why">Why</label>
      {required.errorFor('why')}
      <input
        id="why"
        value={why}
        {...required.controlProps('why')}
        onChange={(event) => setWhy(event.target.value)}
      />
      <button type="submit">Save decision</button>
    </form>
  );
}

describe('useRequiredFields: check on submit, not a disabled button', () => {
  it('keeps the button enabled, and lists each empty field in a box that links to it', () => {
    const onSave = vi.fn();
    render(<DecisionForm onSave={onSave} />);
    const save = screen.getByRole('button', { name: 'Save decision' });
    expect(save).toHaveProperty('disabled', false);
    fireEvent.click(save);
    expect(onSave).not.toHaveBeenCalled();

    const summary = screen.getByRole('alert');
    expect(within(summary).getByRole('heading').textContent).toBe('There is a problem');
    const links = within(summary).getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual([
      'Enter what was decided',
      'Enter why it was decided',
    ]);
    // Each field says what is wrong under its label, and is marked invalid.
    const decided = screen.getByLabelText('What was decided');
    expect(decided.getAttribute('aria-invalid')).toBe('true');
    expect(
      document.getElementById(decided.getAttribute('aria-describedby') ?? '')?.textContent,
    ).toBe('Error: Enter what was decided');
    fireEvent.click(links[1]!);
    expect(document.activeElement).toBe(screen.getByLabelText('Why'));

    // Typing in a field takes its message away; a full form is sent.
    fireEvent.change(decided, { target: { value: 'Switch to paper' } });
    expect(within(screen.getByRole('alert')).getAllByRole('link')).toHaveLength(1);
    fireEvent.change(screen.getByLabelText('Why'), { target: { value: 'Care records down' } });
    fireEvent.click(save);
    expect(onSave).toHaveBeenCalledWith('Switch to paper', 'Care records down');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
