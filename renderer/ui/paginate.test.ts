import { describe, expect, it } from 'vitest';
import { paginate } from './paginate';

describe('paginate', () => {
  it('fills a page and moves the block that does not fit to the next', () => {
    expect(paginate([{ height: 40 }, { height: 40 }, { height: 40 }], 100)).toEqual([[0, 1], [2]]);
  });

  it('starts a new part on a new page even when there is room', () => {
    expect(paginate([{ height: 10 }, { height: 10, newPage: true }], 100)).toEqual([[0], [1]]);
  });

  it('keeps a heading with the block it introduces', () => {
    const blocks = [{ height: 70 }, { height: 10, keepWithNext: true }, { height: 30 }];
    expect(paginate(blocks, 100)).toEqual([[0], [1, 2]]);
  });

  it('keeps a run of headings with the first step after them', () => {
    const blocks = [
      { height: 50 },
      { height: 10, keepWithNext: true },
      { height: 10, keepWithNext: true },
      { height: 40 },
    ];
    expect(paginate(blocks, 100)).toEqual([[0], [1, 2, 3]]);
  });

  it('gives a block taller than a page a page of its own', () => {
    expect(paginate([{ height: 10 }, { height: 250 }, { height: 10 }], 100)).toEqual([
      [0],
      [1],
      [2],
    ]);
  });

  it('puts everything on one page when nothing has a height (no layout engine)', () => {
    expect(paginate([{ height: 0 }, { height: 0 }, { height: 0, newPage: true }], 0)).toEqual([
      [0, 1],
      [2],
    ]);
  });
});
