import type { MarkdownIt, StateCore, Token } from 'markdown-it';

/**
 * The inline tokens of the last document `lint` parsed, by their text, for `render` to reuse.
 * Checking a runbook parses it whole; rendering it then parses each part again, and nearly all
 * the time goes on the inline pass (links, emphasis, placeholders) over the same paragraph text.
 *
 * An inline parse depends only on its text, the grammar (the same in every pipeline from
 * `createMarkdown`), the document's reference definitions and what link validation answers.
 * So a paragraph is kept only from a document without reference definitions, and only when the
 * allow-list refused no link it looked at: then `lint`, which lets every link through, made the
 * very tokens `render` would. Only the last document is kept, and only up to MAX_TOKENS.
 */

/** About 20 MB of tokens at worst (100 KB of pathological markup); ordinary runbooks need a few thousand. */
const MAX_TOKENS = 150_000;

let kept = new Map<string, Token[]>();
let keptTokens = 0;
/** Set by link validation while one paragraph is parsed. */
let refused = false;
/** Paragraphs of the current `lint` parse that may be kept, once text_join has finished them. */
let keepable: Token[] = [];

/** Called by every pipeline's validateLink with the allow-list's answer, whatever it returns. */
export function noteLinkChecked(allowed: boolean): void {
  if (!allowed) refused = true;
}

/** Installs the memo: `lint` pipelines fill it, `render` pipelines read it. */
export function useInlineMemo(md: MarkdownIt, mode: 'render' | 'lint'): void {
  if (mode === 'lint') {
    md.core.ruler.at('inline', parseAndMark);
    md.core.ruler.push('inline_memo', keepMarked);
  } else {
    md.core.ruler.at('inline', parseOrReuse);
  }
}

const hasReferences = (state: StateCore): boolean =>
  (state.env as { references?: unknown } | undefined)?.references !== undefined;

function parseAndMark(state: StateCore): void {
  kept = new Map();
  keptTokens = 0;
  keepable = [];
  const isPlain = !hasReferences(state);
  for (const token of state.tokens) {
    if (token.type !== 'inline') continue;
    refused = false;
    state.md.inline.parse(
      token.content,
      state.md,
      state.env,
      token.children ?? (token.children = []),
    );
    if (isPlain && !refused) keepable.push(token);
  }
}

function keepMarked(): void {
  const marked = keepable;
  keepable = [];
  for (const token of marked) {
    if (kept.has(token.content)) continue;
    const count = countTokens(token.children ?? []);
    if (keptTokens + count > MAX_TOKENS) continue;
    keptTokens += count;
    // Kept as they are, not copied: the checks only read them, and most documents checked (a
    // whole library at start) are never rendered. A renderer gets copies (parseOrReuse), since
    // rendering rewrites link attributes.
    kept.set(token.content, token.children ?? []);
  }
}

function parseOrReuse(state: StateCore): void {
  const isPlain = !hasReferences(state);
  for (const token of state.tokens) {
    if (token.type !== 'inline') continue;
    const hit = isPlain ? kept.get(token.content) : undefined;
    if (hit) token.children = hit.map((child) => cloneToken(state, child));
    else
      state.md.inline.parse(
        token.content,
        state.md,
        state.env,
        token.children ?? (token.children = []),
      );
  }
}

function countTokens(tokens: Token[]): number {
  let count = tokens.length;
  for (const token of tokens) if (token.children) count += countTokens(token.children);
  return count;
}

function cloneToken(state: StateCore, token: Token): Token {
  const copy = new state.Token(token.type, token.tag, token.nesting);
  copy.attrs = token.attrs?.map(([name, value]): [string, string] => [name, value]) ?? null;
  copy.map = token.map ? [token.map[0], token.map[1]] : null;
  copy.level = token.level;
  copy.children = token.children?.map((child) => cloneToken(state, child)) ?? null;
  copy.content = token.content;
  copy.markup = token.markup;
  copy.info = token.info;
  const meta: unknown = token.meta;
  copy.meta = typeof meta === 'object' && meta !== null ? { ...meta } : meta;
  copy.block = token.block;
  copy.hidden = token.hidden;
  return copy;
}
