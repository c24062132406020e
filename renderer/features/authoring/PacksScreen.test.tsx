// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PackPreview } from '../../../main/contract/authoringTypes';
import { request } from '../../api';
import { PacksScreen } from './PacksScreen';

vi.mock('../../api', () => ({ request: vi.fn(), takeSettled: () => undefined }));
afterEach(() => {
  cleanup();
  vi.mocked(request).mockReset();
});

const PREVIEW: PackPreview = {
  created: '2026-11-30T09:00:00.000Z',
  signature: {
    status: 'good',
    signer: 'Oak Care Group',
    keyName: 'Oak Care Group (head office)',
    fingerprint: 'letter hazel sledge brush / desert skate engine copper',
  },
  scenarios: [{ id: 'our-drill', title: 'Our night drill', change: 'new' }],
  runbooks: [
    {
      id: 'ransomware',
      title: 'Ransomware',
      change: 'overrides-bundled',
      replacesTitle: 'Ransomware — the screen says pay',
      diff: [
        { change: 'removed', text: '2. Report it to {{contact:csoc}}.', oldLine: 65 },
        { change: 'added', text: '2. Report it to [0300 303 5222](tel:09098790000).', newLine: 65 },
      ],
    },
  ],
  contacts: {
    new: 0,
    updated: 1,
    unchanged: 0,
    changes: [
      {
        role: 'it-supplier',
        label: 'IT supplier',
        before: { name: 'Real IT Ltd', organisation: 'Real IT', channels: ['phone 0161 000 0000'] },
        after: { name: 'Acme IT', organisation: 'Acme', channels: ['phone 0300 999 1111'] },
      },
    ],
  },
};

async function choosePack(preview: PackPreview = PREVIEW): Promise<HTMLElement> {
  vi.mocked(request).mockImplementation(async (name) =>
    name === 'packs.previewImport'
      ? { ok: true, value: preview }
      : {
          ok: true,
          value: {
            library: { runbooks: [], problems: [], drafts: [], draftProblems: [] },
            imported: 1,
            unchanged: 0,
            scenarios: 1,
            contacts: null,
          },
        },
  );
  render(<PacksScreen />);
  const file = new File([new Uint8Array([80, 75, 5, 6])], 'hq.zip', { type: 'application/zip' });
  fireEvent.change(screen.getByLabelText('Import a runbook pack (.zip)'), {
    target: { files: [file] },
  });
  return screen.findByRole('region', { name: 'Check before importing: hq.zip' });
}

describe('PacksScreen: what a pack would change, before anything is written', () => {
  it('lists each changed line of a runbook it replaces, in words', async () => {
    const preview = await choosePack();
    expect(within(preview).getAllByRole('listitem')[0]?.textContent).toContain(
      'Replaces the version that comes with Holdfast (which is kept). Here it is called “Ransomware — the screen says pay”',
    );
    const diff = within(preview).getByRole('region', {
      name: 'What the pack changes in Ransomware',
    });
    const lines = within(diff)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(lines).toEqual([
      'Removed line 65: 2. Report it to {{contact:csoc}}.',
      'Added line 65: 2. Report it to [0300 303 5222](tel:09098790000).',
    ]);
  });

  it('shows each contact as it is now and after import, with the import of contacts unticked', async () => {
    const preview = await choosePack();
    const contacts = within(preview).getByRole('region', { name: 'Contacts in this pack' });
    expect(contacts.textContent).toContain('Now: Real IT Ltd (Real IT), phone 0161 000 0000');
    expect(contacts.textContent).toContain('After import: Acme IT (Acme), phone 0300 999 1111');
    expect(within(contacts).getByRole<HTMLInputElement>('checkbox').checked).toBe(false);
  });

  it('imports the runbooks alone unless the contacts are ticked, and names the pack', async () => {
    const preview = await choosePack();
    fireEvent.click(within(preview).getByRole('button', { name: 'Import these runbooks' }));
    await waitFor(() =>
      expect(request).toHaveBeenCalledWith('packs.import', {
        base64: expect.any(String) as string,
        includeContacts: false,
        packName: 'hq.zip',
      }),
    );
  });

  it('imports the contacts too once ticked', async () => {
    const preview = await choosePack();
    fireEvent.click(within(preview).getByRole('checkbox'));
    fireEvent.click(
      within(preview).getByRole('button', { name: 'Import these runbooks and contacts' }),
    );
    await waitFor(() =>
      expect(request).toHaveBeenCalledWith(
        'packs.import',
        expect.objectContaining({ includeContacts: true }),
      ),
    );
  });

  it('names the care group whose key signed the pack, with the fingerprint to compare', async () => {
    const preview = await choosePack();
    expect(preview.textContent).toContain(
      'Signed by Oak Care Group (head office) (letter hazel sledge brush / desert skate engine copper)',
    );
    expect(within(preview).queryByLabelText('I accept this pack as unsigned')).toBeNull();
  });

  it('in a home with no care group keys, says an unsigned pack is not signed and imports it without a tick', async () => {
    const preview = await choosePack({
      ...PREVIEW,
      signature: { status: 'unsigned', mustAccept: false },
    });
    const notice = within(preview).getByRole('region', { name: 'This pack is not signed' });
    expect(notice.textContent).toMatch(/^Not signed\. Nothing shows who made it/);
    expect(within(notice).getByRole('link', { name: 'Settings' }).getAttribute('href')).toBe(
      '#/settings/care-group-keys',
    );
    expect(within(preview).queryByLabelText('I accept this pack as unsigned')).toBeNull();
    fireEvent.click(within(preview).getByRole('button', { name: 'Import these runbooks' }));
    await waitFor(() => expect(request).toHaveBeenCalledWith('packs.import', expect.anything()));
    expect(vi.mocked(request).mock.calls.at(-1)?.[1]).not.toHaveProperty('acceptUnsigned');
  });

  it('in a home with care group keys, asks the admin to accept an unsigned pack, and passes on that choice', async () => {
    const preview = await choosePack({
      ...PREVIEW,
      signature: { status: 'unsigned', mustAccept: true },
    });
    expect(
      within(preview).getByRole('region', { name: 'This pack is not signed' }).textContent,
    ).toContain('Nothing shows who made it or that it was not changed on the way.');
    fireEvent.click(within(preview).getByLabelText('I accept this pack as unsigned'));
    fireEvent.click(within(preview).getByRole('button', { name: 'Import these runbooks' }));
    await waitFor(() =>
      expect(request).toHaveBeenCalledWith(
        'packs.import',
        expect.objectContaining({ acceptUnsigned: true }),
      ),
    );
  });

  it('says who signed a pack whose key is not added here', async () => {
    const preview = await choosePack({
      ...PREVIEW,
      signature: { status: 'unknown-key', signer: 'Someone', mustAccept: true },
    });
    expect(preview.textContent).toContain(
      'Not signed with a key added here. It says it is signed by “Someone”, but you have not added that key.',
    );
    expect(within(preview).getByLabelText('I accept this pack as unsigned')).toBeTruthy();
  });

  it('lists the exercise scenarios a pack carries, and counts them once imported', async () => {
    const preview = await choosePack();
    const scenarios = within(preview).getByRole('region', {
      name: 'Exercise scenarios in this pack',
    });
    expect(scenarios.textContent).toContain('Our night drill: New scenario');
    fireEvent.click(within(preview).getByRole('button', { name: 'Import these runbooks' }));
    expect((await screen.findByRole('status')).textContent).toBe(
      'Imported 1 runbook and 1 exercise scenario.',
    );
  });
});
