import { inflateSync } from 'node:zlib';

/*
 * Reads the text of a PDF that Chromium wrote (page.pdf(), printToPDF), page by page, so a test
 * can check what a person would read on paper. Chromium's PDFs compress every stream and show
 * text as glyph numbers, so the raw bytes are not searchable; each font carries a ToUnicode map
 * from glyph numbers back to characters. This reader handles exactly that: Flate streams, Type0
 * fonts with a ToUnicode CMap, and hex strings shown with Tj and TJ. About a hundred lines instead
 * of a multi-megabyte PDF library; anything else in a PDF is ignored.
 */

interface PdfObject {
  dict: string;
  stream?: Buffer;
}

const OBJECT = /(\d+) 0 obj\b/g;

function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  for (let match = OBJECT.exec(text); match; match = OBJECT.exec(text)) {
    const start = match.index + match[0].length;
    const streamAt = text.indexOf('stream', start);
    const endAt = text.indexOf('endobj', start);
    if (streamAt === -1 || streamAt > endAt) {
      objects.set(Number(match[1]), { dict: text.slice(start, endAt) });
      continue;
    }
    const dict = text.slice(start, streamAt);
    const length = Number(/\/Length (\d+)(?! \d+ R)/.exec(dict)?.[1] ?? Number.NaN);
    const dataStart = streamAt + 'stream'.length + (text[streamAt + 6] === '\r' ? 2 : 1);
    const dataEnd = Number.isNaN(length)
      ? text.indexOf('endstream', dataStart)
      : dataStart + length;
    const raw = pdf.subarray(dataStart, dataEnd);
    objects.set(Number(match[1]), {
      dict,
      stream: dict.includes('/FlateDecode') ? inflateSync(raw) : raw,
    });
    OBJECT.lastIndex = text.indexOf('endobj', dataEnd);
  }
  return objects;
}

const hexCode = (hex: string): number => Number.parseInt(hex, 16);
const hexText = (hex: string): string =>
  String.fromCodePoint(...(hex.match(/.{4}/g) ?? []).map(hexCode));

/** A ToUnicode CMap: glyph number → text, from its bfchar and bfrange sections. */
function readCMap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const [, block] of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, from, to] of (block ?? '').matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g))
      map.set(hexCode(from!), hexText(to!));
  }
  for (const [, block] of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, low, high, to] of (block ?? '').matchAll(
      /<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g,
    )) {
      for (let code = hexCode(low!); code <= hexCode(high!); code += 1)
        map.set(code, String.fromCodePoint(hexCode(to!) + code - hexCode(low!)));
    }
  }
  return map;
}

const ref = (dict: string, key: string): number | undefined => {
  const found = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(dict)?.[1];
  return found === undefined ? undefined : Number(found);
};

/** `/F4 4 0 R` pairs of a page's font resources (inline or one level of indirection). */
function pageFonts(page: string, objects: Map<number, PdfObject>): Map<string, number> {
  const resourcesRef = ref(page, 'Resources');
  const resources = resourcesRef === undefined ? page : (objects.get(resourcesRef)?.dict ?? '');
  const fontRef = ref(resources, 'Font');
  const fonts =
    fontRef === undefined
      ? (/\/Font\s*<<([\s\S]*?)>>/.exec(resources)?.[1] ?? '')
      : (objects.get(fontRef)?.dict ?? '');
  return new Map(
    [...fonts.matchAll(/\/(\w+)\s+(\d+) 0 R/g)].map(([, name, id]) => [name!, Number(id)]),
  );
}

/** The text of each page, in page order, a line for each baseline the text sits on. */
export function pdfPages(pdf: Buffer): string[] {
  const objects = readObjects(pdf);
  const cmaps = new Map<number, Map<number, string>>();
  const cmapOf = (font: number): Map<number, string> => {
    let cmap = cmaps.get(font);
    if (!cmap) {
      const toUnicode = ref(objects.get(font)?.dict ?? '', 'ToUnicode');
      cmap = readCMap(
        toUnicode === undefined ? '' : (objects.get(toUnicode)?.stream?.toString('latin1') ?? ''),
      );
      cmaps.set(font, cmap);
    }
    return cmap;
  };
  const pagesRoot = [...objects.values()].find(
    (object) => /\/Type\s*\/Pages\b/.test(object.dict) && !/\/Parent\b/.test(object.dict),
  );
  const pages: string[] = [];
  // Pages in document order: walk the page tree from its root.
  const walk = (dict: string): void => {
    if (/\/Type\s*\/Page\b/.test(dict)) {
      pages.push(pageText(dict));
      return;
    }
    for (const [, id] of (/\/Kids\s*\[([^\]]*)\]/.exec(dict)?.[1] ?? '').matchAll(/(\d+) 0 R/g))
      walk(objects.get(Number(id))?.dict ?? '');
  };
  const pageText = (page: string): string => {
    const fonts = pageFonts(page, objects);
    const contents = [
      ...(/\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/.exec(page)?.[1] ?? '').matchAll(/(\d+) 0 R/g),
    ].map(([, id]) => objects.get(Number(id))?.stream?.toString('latin1') ?? '');
    let cmap = new Map<number, string>();
    let out = '';
    // Chromium places runs (and sometimes single glyphs) one by one; only a change of baseline is a new line.
    let lineY = 0;
    let y = 0;
    let shownY: number | null = null;
    const operators =
      /\/(\w+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]*)>\s*Tj|\[([^\]]*)\]\s*TJ|(-?[\d.]+)\s+(-?[\d.]+)\s+T[dD]\b|(?:-?[\d.]+\s+){5}(-?[\d.]+)\s+Tm\b|\bBT\b/g;
    for (const [token, font, hex, array, , tdY, tmY] of contents.join('\n').matchAll(operators)) {
      if (font !== undefined) cmap = cmapOf(fonts.get(font) ?? -1);
      else if (tdY !== undefined) y = lineY = lineY + Number(tdY);
      else if (tmY !== undefined) y = lineY = Number(tmY);
      else if (token === 'BT') y = lineY = 0;
      else {
        if (shownY !== null && Math.abs(y - shownY) > 1) out += '\n';
        shownY = y;
        for (const [, glyphs] of (hex !== undefined ? `<${hex}>` : (array ?? '')).matchAll(
          /<([0-9A-Fa-f]*)>/g,
        )) {
          out += (glyphs?.match(/.{4}/g) ?? [])
            .map((glyph) => cmap.get(hexCode(glyph)) ?? '')
            .join('');
        }
      }
    }
    return out;
  };
  walk(pagesRoot?.dict ?? '');
  return pages;
}

/** The whole text with runs of white space made single spaces, for "does the paper say X" checks. */
export function pdfText(pdf: Buffer): string {
  return pdfPages(pdf).join('\n').replace(/\s+/g, ' ');
}
