/** One block of a printed document, as measured on screen at print size. */
export interface MeasuredBlock {
  /** Height in CSS pixels, margins included. */
  height: number;
  /** Starts a new page whatever room is left (a new part of the document). */
  newPage?: boolean;
  /** Never ends a page: a heading stays with what it introduces. */
  keepWithNext?: boolean;
}

/**
 * Flows blocks into pages of `capacity` pixels, in order: a block that does not fit goes to the
 * next page, and a heading moves with the block it introduces. A block taller than a page gets a
 * page of its own. Returns, for each page, the indexes of its blocks.
 */
export function paginate(blocks: MeasuredBlock[], capacity: number): number[][] {
  const pages: number[][] = [];
  let page: number[] = [];
  let used = 0;
  const startPage = (): void => {
    if (page.length > 0) pages.push(page);
    page = [];
    used = 0;
  };
  blocks.forEach((block, index) => {
    if (block.newPage) startPage();
    // A heading is placed only where the first block after it fits too.
    let needed = block.height;
    for (let next = index; blocks[next]?.keepWithNext && next + 1 < blocks.length; next += 1)
      needed += blocks[next + 1]?.height ?? 0;
    if (page.length > 0 && used + needed > capacity && needed <= capacity) startPage();
    else if (page.length > 0 && used + block.height > capacity) startPage();
    page.push(index);
    used += block.height;
  });
  if (page.length > 0) pages.push(page);
  return pages;
}
