import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { paginate, type MeasuredBlock } from './paginate';

/** A part of a paged document: what it shows, and how it may be placed. */
export interface PageBlock extends Omit<MeasuredBlock, 'height'> {
  key: string;
  node: ReactNode;
  /** A name other blocks can ask the page number of (a contents entry, an index line). */
  anchor?: string;
}

/** The page (1-based) a named block lands on, once known. */
export type PageOf = (anchor: string) => number | undefined;

const MAX_PASSES = 4;

/**
 * A document cut into A4 page boxes by measuring, so every printed page can say "Page N of M"
 * and a contents list can give page numbers: Chromium's print has no page-number counters.
 * Blocks are first laid out in a hidden column at the printed width and measured; they are then
 * flowed into pages. Blocks may depend on page numbers (`blocks(pageOf)`), so measuring repeats
 * until the pages stop changing. `layoutKey` names the content: a new key measures again.
 */
export function PagedDocument({
  blocks,
  layoutKey,
  footer,
  label,
  className,
  onPaged,
}: {
  blocks: (pageOf: PageOf) => PageBlock[];
  layoutKey: string;
  footer: (page: number, pages: number) => ReactNode;
  label: string;
  className?: string;
  onPaged?: (pages: number) => void;
}) {
  const [layout, setLayout] = useState<{
    key: string;
    pages: number[][];
    /** Pages holding a block taller than a page: they grow rather than cut text off. */
    tall: boolean[];
  } | null>(null);
  const [measuring, setMeasuring] = useState<string | null>(layoutKey);
  const passes = useRef(0);
  const measureRef = useRef<HTMLDivElement>(null);
  const capacityRef = useRef<HTMLDivElement>(null);

  if (measuring !== layoutKey && layout?.key !== layoutKey) {
    passes.current = 0;
    setMeasuring(layoutKey);
  }

  const current = layout?.key === layoutKey ? layout.pages : null;
  const anchorPage = new Map<string, number>();
  const listed = blocks((anchor) => anchorPage.get(anchor));
  current?.forEach((page, pageIndex) =>
    page.forEach((index) => {
      const anchor = listed[index]?.anchor;
      if (anchor && !anchorPage.has(anchor)) anchorPage.set(anchor, pageIndex + 1);
    }),
  );
  // Blocks are built again now that the page numbers are known.
  const shown = blocks((anchor) => anchorPage.get(anchor));

  useLayoutEffect(() => {
    if (measuring !== layoutKey || !measureRef.current) return;
    const heights = [...measureRef.current.children].map(
      (child) => child.getBoundingClientRect().height,
    );
    const capacity = capacityRef.current?.getBoundingClientRect().height ?? 0;
    const pages = paginate(
      shown.map((block, index) => ({ ...block, height: heights[index] ?? 0 })),
      capacity,
    );
    const tall = pages.map(
      (page) => page.reduce((sum, index) => sum + (heights[index] ?? 0), 0) > capacity + 1,
    );
    passes.current += 1;
    const same = current !== null && JSON.stringify(current) === JSON.stringify(pages);
    if (!same) setLayout({ key: layoutKey, pages, tall });
    if (same || passes.current >= MAX_PASSES) {
      setMeasuring(null);
      onPaged?.(pages.length);
    }
  });

  const pages = current ?? [shown.map((_, index) => index)];
  return (
    <div className={`paged ${className ?? ''}`}>
      {measuring === layoutKey && (
        <div className="paged-measure" aria-hidden="true">
          <div ref={capacityRef} className="paged-capacity" />
          <div ref={measureRef} className="paged-body">
            {shown.map((block) => (
              <div key={block.key} className="paged-block">
                {block.node}
              </div>
            ))}
          </div>
        </div>
      )}
      <article className="paged-pages" aria-label={label} tabIndex={0}>
        {pages.map((page, pageIndex) => (
          <div
            key={pageIndex}
            className={layout?.tall[pageIndex] ? 'paged-page paged-page-tall' : 'paged-page'}
          >
            <div className="paged-body">
              {page.map((index) => {
                const block = shown[index];
                return (
                  block && (
                    <div key={block.key} className="paged-block">
                      {block.node}
                    </div>
                  )
                );
              })}
            </div>
            <footer className="paged-footer">{footer(pageIndex + 1, pages.length)}</footer>
          </div>
        ))}
      </article>
    </div>
  );
}
