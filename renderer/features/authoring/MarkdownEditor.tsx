import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { markdown } from '@codemirror/lang-markdown';
import { defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import {
  highlightSelectionMatches,
  openSearchPanel,
  search,
  searchKeymap,
} from '@codemirror/search';
import { Compartment, EditorState } from '@codemirror/state';
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import type { Problem } from '../../../main/contract/types';

/** What the screen can ask of the editor. */
export interface MarkdownEditorHandle {
  /** Moves the cursor to a file line (a problem's line) and focuses the text. */
  goToFileLine(line: number): void;
  /** Opens the find and replace panel, with focus in its "Find" box. */
  openFind(): void;
  /** Types `text` at the cursor (over any selection) and puts focus back in the text. */
  insertAtCursor(text: string): void;
}

/** The search panel's words, in plain English (CodeMirror's own are terse: "all", "regexp"). */
const PHRASES = EditorState.phrases.of({
  Find: 'Find',
  Replace: 'Replace with',
  next: 'Next',
  previous: 'Previous',
  all: 'Select all',
  'match case': 'Match capitals',
  'by word': 'Whole words',
  regexp: 'Pattern',
  replace: 'Replace',
  'replace all': 'Replace all',
  close: 'Close find and replace',
});

/** Ctrl+H opens the same panel, with its replace box, as in most word processors. */
const replaceKey = keymap.of([{ key: 'Mod-h', run: openSearchPanel, preventDefault: true }]);

/** The app's focus ring and fonts, inside the editor's shadow root where page CSS does not reach. */
const theme = EditorView.theme({
  '&': { minHeight: '24rem', fontSize: '0.95rem', backgroundColor: '#ffffff', color: '#0b0c0c' },
  '&.cm-focused': { outline: '4px solid #0b0c0c', boxShadow: '0 0 0 8px #ffdd00' },
  '.cm-content': { fontFamily: 'ui-monospace, Menlo, Consolas, monospace', minHeight: '24rem' },
  '.cm-gutters': { backgroundColor: '#f3f2f1', color: '#3d4347', borderRight: '1px solid #6b7075' },
  // The find and replace panel: big targets, the app's colours and a focus ring that shows.
  '.cm-panels': { backgroundColor: '#f3f2f1', color: '#0b0c0c' },
  '.cm-panels-top': { borderBottom: '2px solid #0b0c0c' },
  '.cm-search': { fontSize: '1rem', padding: '0.5rem', lineHeight: '2.2' },
  '.cm-search input, .cm-search button, .cm-search label': { fontSize: '1rem' },
  '.cm-textfield': { minHeight: '36px', border: '2px solid #0b0c0c', padding: '0 0.4rem' },
  '.cm-button': {
    minHeight: '36px',
    backgroundImage: 'none',
    backgroundColor: '#ffffff',
    border: '2px solid #0b0c0c',
    color: '#0b0c0c',
  },
  '.cm-search button[name=close]': { fontSize: '1.5rem', minWidth: '36px', color: '#0b0c0c' },
  '.cm-search input:focus, .cm-search button:focus': {
    outline: '4px solid #0b0c0c',
    boxShadow: '0 0 0 8px #ffdd00',
  },
  '.cm-searchMatch': { backgroundColor: '#ffdd00', outline: '1px solid #0b0c0c' },
  '.cm-searchMatch-selected': { backgroundColor: '#f5a623' },
});

/**
 * The body text editor (CodeMirror 6). Line numbers are file lines, so they match the problem
 * list; Tab is left to move focus on, so keyboard users are never trapped in the editor.
 *
 * It lives in a shadow root: there CodeMirror's styles go into a constructed stylesheet, which
 * the strict policy (`style-src 'self'`) allows, instead of the inline <style> element it adds
 * to a document and the policy blocks. Labels are given as text, since ids do not cross a
 * shadow root. Find and replace is CodeMirror's own panel (Ctrl+F or Ctrl+H).
 */
export function MarkdownEditor({
  value,
  onChange,
  problems,
  firstLine,
  label,
  description,
  ref,
}: {
  value: string;
  onChange: (value: string) => void;
  /** Problems by file line; the ones inside the body are marked in the text. */
  problems: Problem[];
  /** File line of the first line shown. */
  firstLine: number;
  label: string;
  description: string;
  ref?: Ref<MarkdownEditorHandle>;
}) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const gutter = useRef(new Compartment());
  const changed = useRef(onChange);
  changed.current = onChange;
  // Text set from outside (a restore, a save adding ids) is not an edit to report back.
  const given = useRef(value);
  given.current = value;

  useEffect(() => {
    if (!host.current) return;
    const shadow = host.current.shadowRoot ?? host.current.attachShadow({ mode: 'open' });
    const parent = document.createElement('div');
    shadow.append(parent);
    const editor = new EditorView({
      parent,
      root: shadow,
      state: EditorState.create({
        doc: value,
        extensions: [
          gutter.current.of(lineNumbers()),
          history(),
          drawSelection(),
          highlightActiveLine(),
          // The panel opens at the top, where it is seen, rather than under a long text.
          search({ top: true }),
          highlightSelectionMatches(),
          replaceKey,
          keymap.of([...searchKeymap, ...defaultKeymap, ...historyKeymap]),
          PHRASES,
          markdown(),
          syntaxHighlighting(defaultHighlightStyle),
          lintGutter(),
          EditorView.lineWrapping,
          theme,
          EditorView.contentAttributes.of({ 'aria-label': label, 'aria-description': description }),
          EditorView.updateListener.of((update) => {
            if (!update.docChanged) return;
            const text = update.state.doc.toString();
            if (text !== given.current) changed.current(text);
          }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      parent.remove();
      view.current = null;
    };
    // Built once: later values arrive through the effects below.
  }, []);

  // A restore or a save that added step ids replaces the text from outside.
  useEffect(() => {
    const editor = view.current;
    if (!editor || editor.state.doc.toString() === value) return;
    editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } });
  }, [value]);

  useEffect(() => {
    view.current?.dispatch({
      effects: gutter.current.reconfigure(
        lineNumbers({ formatNumber: (n) => String(n + firstLine - 1) }),
      ),
    });
  }, [firstLine]);

  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    const { doc } = editor.state;
    const diagnostics: Diagnostic[] = problems.flatMap((problem) => {
      const bodyLine = problem.line - firstLine + 1;
      if (bodyLine < 1 || bodyLine > doc.lines) return [];
      const line = doc.line(bodyLine);
      return [
        { from: line.from, to: line.to, severity: problem.severity, message: problem.message },
      ];
    });
    editor.dispatch(setDiagnostics(editor.state, diagnostics));
  }, [problems, firstLine, value]);

  useImperativeHandle(
    ref,
    () => ({
      goToFileLine(fileLine: number) {
        const editor = view.current;
        if (!editor) return;
        const bodyLine = Math.min(Math.max(fileLine - firstLine + 1, 1), editor.state.doc.lines);
        const line = editor.state.doc.line(bodyLine);
        editor.dispatch({
          selection: { anchor: line.from },
          effects: EditorView.scrollIntoView(line.from, { y: 'center' }),
        });
        editor.focus();
      },
      openFind() {
        const editor = view.current;
        if (!editor) return;
        openSearchPanel(editor);
        host.current?.scrollIntoView({ block: 'start' });
      },
      insertAtCursor(text: string) {
        const editor = view.current;
        if (!editor) return;
        editor.dispatch(editor.state.replaceSelection(text));
        editor.focus();
      },
    }),
    [firstLine],
  );

  return <div className="markdown-editor" ref={host} />;
}
