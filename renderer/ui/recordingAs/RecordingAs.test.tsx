// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { RecordingAs } from './RecordingAs';
import { currentRecorder, ensureRecorder, forgetRecorder, setRecorder } from './recordingSession';
import { WhoIsRecordingDialog } from './WhoIsRecordingDialog';

/** The bar and the dialog, as the app mounts them. */
function renderBar() {
  render(
    <>
      <RecordingAs />
      <WhoIsRecordingDialog />
    </>,
  );
}

const dialog = (): HTMLDialogElement =>
  document.querySelector('dialog.who-dialog') as HTMLDialogElement;
const nameField = (): HTMLInputElement => screen.getByLabelText('Your name');
const bar = (): HTMLElement => document.querySelector('.recording-as') as HTMLElement;

afterEach(() => {
  cleanup();
  forgetRecorder();
  sessionStorage.clear();
  localStorage.clear();
});

describe('RecordingAs', () => {
  it('says no one is recording yet, and asks "Who is recording?" with one labelled, required field', () => {
    renderBar();
    expect(bar().textContent).toBe('Recording as: no one yet · Say who you are');
    expect(dialog().open).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Say who you are' }));
    expect(dialog().open).toBe(true);
    expect(dialog().getAttribute('aria-labelledby')).toBe('who-dialog-title');
    expect(document.getElementById('who-dialog-title')?.textContent).toBe('Who is recording?');
    expect(nameField().required).toBe(true);
    expect(document.activeElement).toBe(nameField());
  });

  it("refuses an empty name or the app's own name, says why, and keeps asking", () => {
    renderBar();
    fireEvent.click(screen.getByRole('button', { name: 'Say who you are' }));
    fireEvent.change(nameField(), { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(dialog().open).toBe(true);
    expect(nameField().getAttribute('aria-invalid')).toBe('true');
    expect(
      document.getElementById(nameField().getAttribute('aria-describedby') ?? '')?.textContent,
    ).toBe('Enter your name. Everything you save is marked with it.');
    fireEvent.change(nameField(), { target: { value: 'holdfast' } });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(dialog().open).toBe(true);
    expect(screen.getByText(/is the app's own name/)).toBeTruthy();
    expect(currentRecorder()).toBeNull();
  });

  it('shows the name given, always, with a way to change it; nothing is kept in storage for a restart', () => {
    renderBar();
    fireEvent.click(screen.getByRole('button', { name: 'Say who you are' }));
    fireEvent.change(nameField(), { target: { value: ' Night carer Jo ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(dialog().open).toBe(false);
    expect(bar().textContent).toBe('Recording as: Night carer Jo · Change who is recording');
    expect(screen.getByRole('button', { name: 'Change who is recording' })).toBeTruthy();
    expect(sessionStorage.length).toBe(0);
    expect(localStorage.length).toBe(0);
  });

  it('changes who is recording, or keeps the same person when the change is cancelled', () => {
    setRecorder('Night carer Jo');
    renderBar();
    fireEvent.click(screen.getByRole('button', { name: 'Change who is recording' }));
    expect(screen.getByText(/Recording now: Night carer Jo\./)).toBeTruthy();
    // The field starts empty: the next person types their own name, never edits someone else's.
    expect(nameField().value).toBe('');
    fireEvent.change(nameField(), { target: { value: 'Day manager Kim' } });
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(bar().textContent).toContain('Recording as: Night carer Jo');

    fireEvent.click(screen.getByRole('button', { name: 'Change who is recording' }));
    fireEvent.change(nameField(), { target: { value: 'Day manager Kim' } });
    fireEvent.submit(nameField().form as HTMLFormElement);
    expect(bar().textContent).toContain('Recording as: Day manager Kim');
  });

  it('holds back an entry until someone says who they are, and gives no name when they cancel', async () => {
    renderBar();
    let asked: Promise<string | null> = Promise.resolve(null);
    act(() => {
      asked = ensureRecorder();
    });
    expect(dialog().open).toBe(true);
    fireEvent.change(nameField(), { target: { value: 'Night carer Jo' } });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    await expect(asked).resolves.toBe('Night carer Jo');
    // Known now: asked once in this run of the app.
    await expect(ensureRecorder()).resolves.toBe('Night carer Jo');
    expect(dialog().open).toBe(false);

    act(() => forgetRecorder());
    act(() => {
      asked = ensureRecorder();
    });
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await expect(asked).resolves.toBeNull();
    expect(bar().textContent).toContain('no one yet');
  });
});
