// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PlanPreview } from '../../../main/contract/importTypes';
import { request } from '../../api';
import { ImportPlanScreen } from './ImportPlanScreen';

vi.mock('../../api', () => ({ request: vi.fn(), takeSettled: () => undefined }));
afterEach(() => {
  cleanup();
  vi.mocked(request).mockReset();
  window.location.hash = '';
});

const TEXT =
  '---\nid: ransomware-plan\nstatus: draft\n---\n\n## Contain\n\n1. Unplug it {#unplug-it}\n';

function previewWith(chosen: string): PlanPreview {
  return {
    header: {
      id: 'ransomware-plan',
      title: 'Ransomware plan',
      category: 'ransom-or-locked',
      summary: 'When the screen says pay.',
      providerTypes: ['care-home'],
      reviewed: '2026-12-05',
      owner: 'Rose Lodge',
    },
    blocks: [
      { kind: 'phase', id: 'contain', title: 'Contain' },
      {
        kind: 'step',
        id: 'unplug-the-network-cable',
        number: 1,
        text: 'Unplug the network cable.',
        details: '',
        from: 'bullets',
      },
      { kind: 'text', text: '1. NCSC guidance', kept: 'reference' },
    ],
    variables: [{ written: '{{IT_CONTACT}}', uses: 2, suggested: 'contact:it-supplier', chosen }],
    counts: { phases: 1, steps: 1, textBlocks: 1, mapped: chosen === 'keep' ? 0 : 1, unmapped: 0 },
    source: '# Ransomware plan\n\n## Contain\n\n- Unplug the network cable.',
    text: TEXT,
    problems: [],
    notes: ['1 link Holdfast cannot open (headings, files, plain http) is now plain words.'],
  };
}

function answer(): void {
  vi.mocked(request).mockImplementation(async (name, input) => {
    if (name === 'runbooks.importPreview') {
      const mappings = (input as { mappings?: Record<string, string> }).mappings;
      return {
        ok: true,
        value: previewWith(mappings?.['{{IT_CONTACT}}'] ?? 'contact:it-supplier'),
      };
    }
    if (name === 'contacts.list')
      return {
        ok: true,
        value: { roles: [{ role: 'it-supplier', label: 'IT supplier' }], national: [] },
      } as never;
    if (name === 'runbooks.save') return { ok: true, value: { id: 'ransomware-plan' } } as never;
    if (name === 'runbooks.importDraft') {
      const file = (input as { name: string }).name;
      if (file === 'broken.docx')
        return {
          ok: false,
          error: { code: 'INVALID_INPUT', message: 'This is not a Word document.' },
        };
      if (file === 'notes.txt')
        return {
          ok: true,
          value: {
            outcome: 'to-fix',
            file: 'notes.md',
            title: 'Notes',
            problems: [
              {
                file: 'your runbooks/notes.md',
                line: 1,
                severity: 'error',
                message: 'the runbook has no steps',
              },
            ],
          },
        } as never;
      return {
        ok: true,
        value: {
          outcome: 'saved',
          id: 'phishing',
          title: 'Phishing',
          counts: { phases: 2, steps: 7, textBlocks: 0, mapped: 0, unmapped: 0 },
        },
      } as never;
    }
    return { ok: false, error: { code: 'NOT_FOUND', message: name } };
  });
}

async function pastePlan(): Promise<HTMLElement> {
  answer();
  render(<ImportPlanScreen />);
  fireEvent.change(screen.getByLabelText('Or paste the plan’s text'), {
    target: { value: '# Ransomware plan\n\n## Contain\n\n- Unplug the network cable.' },
  });
  fireEvent.click(screen.getByRole('button', { name: 'Show what becomes a step' }));
  return screen.findByRole('list', { name: 'What the plan becomes' });
}

describe('Import a plan', () => {
  it('shows, block by block, which parts become steps (with their ids) and which stay text', async () => {
    const list = await pastePlan();
    expect(request).toHaveBeenCalledWith('runbooks.importPreview', {
      text: '# Ransomware plan\n\n## Contain\n\n- Unplug the network cable.',
    });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'Phase: Contain',
      'Step 1 (from a bullet list of things to do, id “unplug-the-network-cable”)Unplug the network cable.',
      'Stays as text (references and appendices are never steps)1. NCSC guidance',
    ]);
    expect(screen.getByRole('status')).toHaveProperty(
      'textContent',
      '1 step in 1 phase; 1 part stays as text.',
    );
    expect(screen.getByLabelText('Title')).toHaveProperty('value', 'Ransomware plan');
    expect(screen.getByLabelText('Looked after by')).toHaveProperty('value', 'Rose Lodge');
  });

  it('sends a changed placeholder choice back with the document text, not the file', async () => {
    await pastePlan();
    const select = screen.getByLabelText('{{IT_CONTACT}} (used 2 times)');
    expect(select).toHaveProperty('value', 'contact:it-supplier');
    fireEvent.change(select, { target: { value: 'keep' } });
    await waitFor(() =>
      expect(request).toHaveBeenCalledWith('runbooks.importPreview', {
        format: 'md',
        text: '# Ransomware plan\n\n## Contain\n\n- Unplug the network cable.',
        header: {},
        mappings: { '{{IT_CONTACT}}': 'keep' },
      }),
    );
    await waitFor(() =>
      expect(screen.getByLabelText('{{IT_CONTACT}} (used 2 times)')).toHaveProperty(
        'value',
        'keep',
      ),
    );
  });

  it('says beside the field what is wrong with a changed detail, and will not save then', async () => {
    await pastePlan();
    fireEvent.change(screen.getByLabelText('Short name'), { target: { value: 'Not An Id' } });
    expect(screen.getByLabelText('Short name').getAttribute('aria-invalid')).toBe('true');
    const save = screen.getByRole('button', { name: 'Save as draft' });
    expect(save).toHaveProperty('disabled', false);
    fireEvent.click(save);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Not saved: correct the details marked above first.',
    );
    expect(request).not.toHaveBeenCalledWith('runbooks.save', expect.anything());
  });

  it('saves the draft as a new runbook and opens it in the editor', async () => {
    await pastePlan();
    fireEvent.click(screen.getByRole('button', { name: 'Save as draft' }));
    await waitFor(() => expect(window.location.hash).toBe('#/edit/ransomware-plan'));
    expect(request).toHaveBeenCalledWith('runbooks.save', {
      id: null,
      text: TEXT,
      message: 'Imported from Pasted text',
    });
  });

  it('sends a chosen Word file as base64 with its name, and says so when it is too big', async () => {
    answer();
    render(<ImportPlanScreen />);
    const input = screen.getByLabelText('Choose one file or several (.md, .txt or Word .docx)');
    const word = new File([new Uint8Array([80, 75, 5, 6])], 'continuity.docx');
    fireEvent.change(input, { target: { files: [word] } });
    await screen.findByRole('list', { name: 'What the plan becomes' });
    expect(request).toHaveBeenCalledWith('runbooks.importPreview', {
      name: 'continuity.docx',
      base64: 'UEsFBg==',
    });
    const huge = new File([new Uint8Array(5 * 1024 * 1024 + 1)], 'huge.docx');
    fireEvent.change(input, { target: { files: [huge] } });
    expect((await screen.findByRole('alert')).textContent).toBe(
      '“huge.docx” is larger than 5 MB. Split it into smaller files.',
    );
  });

  it('lets the kinds of provider be changed before saving, and needs at least one', async () => {
    await pastePlan();
    const group = screen.getByRole('group', { name: 'Who it is for' });
    const careHome = within(group).getByRole('checkbox', { name: 'Care home' });
    expect(careHome).toHaveProperty('checked', true);
    fireEvent.click(within(group).getByRole('checkbox', { name: /home care/i }));
    await waitFor(() =>
      expect(request).toHaveBeenCalledWith(
        'runbooks.importPreview',
        expect.objectContaining({ header: { providerTypes: ['care-home', 'home-care'] } }),
      ),
    );
    fireEvent.click(within(group).getByRole('checkbox', { name: /home care/i }));
    fireEvent.click(careHome);
    expect(within(group).getByText('choose at least one kind of provider')).toBeTruthy();
    const save = screen.getByRole('button', { name: 'Save as draft' });
    // Disabled only while the changed choices are shown again.
    await waitFor(() => expect(save).toHaveProperty('disabled', false));
    fireEvent.click(save);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Not saved: correct the details marked above first.',
    );
  });

  it('shows a step with its contact filled in as the reader would, not the placeholder', async () => {
    answer();
    const rendered = previewWith('contact:it-supplier');
    const step = rendered.blocks[1];
    if (step?.kind !== 'step') throw new Error('no step');
    step.text = 'Phone {{contact:it-supplier}}.';
    step.html = {
      text: 'Phone <span class="contact-ref"><strong><bdi>IT supplier</bdi></strong>: not set yet — <a href="#/contacts/it-supplier" data-contact-role="it-supplier">add your local number</a></span>.',
      details: '',
    };
    vi.mocked(request).mockImplementation(async (name) =>
      name === 'runbooks.importPreview'
        ? { ok: true, value: rendered }
        : ({ ok: true, value: { roles: [], national: [] } } as never),
    );
    render(<ImportPlanScreen />);
    fireEvent.change(screen.getByLabelText('Or paste the plan’s text'), {
      target: { value: 'x' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Show what becomes a step' }));
    const list = await screen.findByRole('list', { name: 'What the plan becomes' });
    const item = within(list).getAllByRole('listitem')[1];
    expect(item?.textContent).toContain('IT supplier: not set yet — add your local number');
    expect(item?.textContent).not.toContain('{{');
    expect(
      within(item as HTMLElement)
        .getByRole('link')
        .getAttribute('href'),
    ).toBe('#/contacts/it-supplier');
  });

  it('imports several chosen files, each as its own draft, with a result line for each', async () => {
    answer();
    render(<ImportPlanScreen />);
    fireEvent.change(screen.getByLabelText('Your name (kept in the runbook’s history)'), {
      target: { value: 'Sam Admin' },
    });
    const files = ['phishing.md', 'notes.txt', 'broken.docx'].map(
      (name) => new File([new Uint8Array([104, 105])], name),
    );
    fireEvent.change(
      screen.getByLabelText('Choose one file or several (.md, .txt or Word .docx)'),
      { target: { files } },
    );
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('1 file of 3 saved as a draft.'),
    );
    expect(request).toHaveBeenCalledWith('runbooks.importDraft', {
      name: 'phishing.md',
      base64: 'aGk=',
      author: 'Sam Admin',
    });
    const lines = within(screen.getByRole('region', { name: 'What happened to each file' }))
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(lines).toEqual([
      'phishing.md: Saved as a draft: Phishing (7 steps). Open the draft: Phishing',
      'notes.txt: Kept as a file to fix: Notes. 1 problem to fix first, such as: the runbook has no steps. Fix it in the editor: Notes',
      'broken.docx: Not imported. This is not a Word document.',
    ]);
    expect(
      screen.getByRole('link', { name: /Fix it in the editor\s?: Notes/ }).getAttribute('href'),
    ).toBe('#/fix/notes.md');
    expect(
      screen.getByRole('link', { name: /Open the draft\s?: Phishing/ }).getAttribute('href'),
    ).toBe('#/edit/phishing');
    expect(screen.queryByRole('list', { name: 'What the plan becomes' })).toBeNull();
  });

  it('imports files dropped on the file box the same way as chosen ones', async () => {
    answer();
    render(<ImportPlanScreen />);
    const box = screen
      .getByLabelText('Choose one file or several (.md, .txt or Word .docx)')
      .closest('div') as HTMLElement;
    const files = ['phishing.md', 'notes.txt'].map(
      (name) => new File([new Uint8Array([104, 105])], name),
    );
    fireEvent.dragOver(box);
    expect(box.className).toContain('import-drop-over');
    fireEvent.drop(box, { dataTransfer: { files } });
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('1 file of 2 saved as a draft.'),
    );
    expect(box.className).not.toContain('import-drop-over');
  });
});
