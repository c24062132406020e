import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { markdown } from '@codemirror/lang-markdown';
import { defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
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

/** What the screen can ask of the editor: move the cursor to a problem. */
export interface MarkdownEditorHandle {
  goToFileLine(line: number): void;
}

/** The app's focus ring and fonts, inside the editor's shadow root where page CSS does not reach. */
const theme = EditorView.theme({
  '&': { minHeight: '24rem', fontSize: '0.95rem', backgroundColor: '#ffffff', color: '#0b0c0c' },
  '&.cm-focused': { outline: '4px solid #0b0c0c', boxShadow: '0 0 0 8px #ffdd00' },
  '.cm-content': { fontFamily: 'ui-monospace, Menlo, Consolas, monospace', minHeight: '24rem' },
  '.cm-gutters': { backgroundColor: '#f3f2f1', color: '#3d4347', borderRight: '1px solid #6b7075' },
});

/**
 * The body text editor (CodeMirror 6). Line numbers are file lines, so they match the problem
 * list; Tab is left to move focus on, so keyboard users are never trapped in the editor.
 *
 * It lives in a shadow root: there CodeMirror's styles go into a constructed stylesheet, which
 * the strict policy (`style-src 'self'`) allows, instead of the inline <style> element it adds
 * to a document and the policy blocks. Labels are given as text, since ids do not cross a
 * shadow root.
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
          keymap.of([...defaultKeymap, ...historyKeymap]),
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
    }),
    [firstLine],
  );

  return <div className="markdown-editor" ref={host} />;
}
