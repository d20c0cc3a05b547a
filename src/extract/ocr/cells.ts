import type { OcrWord } from './types.js';
import { inkShare, type GreyImage, type PixelBox } from './image.js';
import type { Lattice, LatticeCell } from './lattice.js';
import { cellPass, type CellRead } from './passes.js';
import type { Budget, EngineOptions } from './engine.js';

/** An amount as printed in 决算 tables: 2,106.66 / 0.2 / -3.00, or a subject code 20106. */
const NUMBER = /^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;
const CJK = /[\u3400-\u9fff]/;

/**
 * Page-pass text that may be a misread number (4+11.96, 44.1T7, 7.E1): no Chinese, and at
 * least half of it digits. Such cells are re-read with the digit whitelist.
 */
export function looksNumeric(text: string): boolean {
  const t = text.replace(/[\s|]/g, '');
  const digits = t.replace(/\D/g, '').length;
  return digits > 0 && !CJK.test(t) && digits * 2 >= t.length;
}

/** Separators cannot end a number, nor a point or comma start it: they are specks beside the digits. */
function tidy(read: CellRead): CellRead {
  return { ...read, text: read.text.replace(/[-.,]+$/, '').replace(/^[.,]+/, '') };
}

export function isNumber(text: string): boolean {
  return NUMBER.test(text);
}

/** A word belongs to the box its centre falls in. */
export const centreIn = (w: OcrWord, b: PixelBox) => {
  const cx = (w.bbox.x0 + w.bbox.x1) / 2;
  const cy = (w.bbox.y0 + w.bbox.y1) / 2;
  return cx >= b.x0 && cx <= b.x1 && cy >= b.y0 && cy <= b.y1;
};

function union(words: OcrWord[]): OcrWord['bbox'] {
  return {
    x0: Math.min(...words.map((w) => w.bbox.x0)),
    y0: Math.min(...words.map((w) => w.bbox.y0)),
    x1: Math.max(...words.map((w) => w.bbox.x1)),
    y1: Math.max(...words.map((w) => w.bbox.y1)),
  };
}

function asWord(read: CellRead, fallback: PixelBox): OcrWord {
  return { text: read.text, confidence: read.confidence, bbox: read.words.length ? union(read.words) : fallback };
}

export interface CellPassInput {
  img: GreyImage;
  threshold: number;
  lattice: Lattice;
  /** Pixels to stay clear of the rulings inside a cell. */
  inset: number;
  scale: number;
  budget: Budget;
  engine?: EngineOptions;
  /** Threshold number crops first (scans; see paperGrain). */
  binarize: boolean;
}

interface CellWork {
  cell: LatticeCell;
  inner: PixelBox;
  mine: OcrWord[];
  pageText: string;
  inked: boolean;
}

/**
 * Columns of numbers: where most cells the page pass read look numeric. In such a column every
 * inked cell below the header is re-read as digits, even when the page pass made Chinese-looking
 * garbage of it (scans: 1,511.89 read as 吴国许仪刑国日园).
 */
function numberColumns(work: CellWork[]): { cols: Set<number>; bodyRow: number } {
  const tally = new Map<number, { num: number; all: number }>();
  let bodyRow = Infinity;
  for (const w of work) {
    if (w.cell.colSpan !== 1 || !w.pageText) continue;
    const t = tally.get(w.cell.col) ?? { num: 0, all: 0 };
    t.all += 1;
    if (looksNumeric(w.pageText)) {
      t.num += 1;
      bodyRow = Math.min(bodyRow, w.cell.row);
    }
    tally.set(w.cell.col, t);
  }
  const cols = new Set([...tally].filter(([, t]) => t.num >= 2 && t.num * 2 >= t.all).map(([c]) => c));
  return { cols, bodyRow };
}

/** Ruling remnants and specks the page pass reads as characters at a cell's edge. */
const EDGE_JUNK = /^[|丨【】[\]「」_~]+|[|丨【】[\]「」_~]+$/g;
const PUNCT_ONLY = /^[|丨【】[\]「」,.'"“”‘’_~:;-]+$/;

function cleanText(words: OcrWord[]): OcrWord[] {
  return words
    .map((w) => ({ ...w, text: w.text.replace(EDGE_JUNK, '') }))
    .filter((w) => w.text && !PUNCT_ONLY.test(w.text));
}

/**
 * Page-pass confidence (the lowest of a cell's words) from which a text cell is not read again. Over the OCR samples
 * no cell read at 0.95 or more changed on its second reading; at 0.9 one did ("人员经费" became "“人员经费").
 */
const SURE_TEXT = 0.95;

const minConf = (ws: OcrWord[]): number => (ws.length ? Math.min(...ws.map((w) => w.confidence)) : 0);

/**
 * Second pass over a ruled table, cell by cell, each cropped inside its rulings: cells of
 * number columns (and any cell whose page text looks like a number) are read as one line with
 * the digit whitelist; text cells are read again as a block with chi_sim and keep whichever
 * reading is more confident (a lone cell has no ruling remnants and no neighbours to confuse
 * the layout analysis). Words outside cells (title, 单位 line) stay as the page pass read them.
 */
export async function rereadCells(words: OcrWord[], p: CellPassInput): Promise<OcrWord[]> {
  const { img, lattice, inset, scale, budget } = p;
  const bin = p.binarize ? p.threshold : undefined;
  const taken = new Set<OcrWord>();
  const work: CellWork[] = [];
  for (const cell of lattice.cells) {
    const inner = {
      x0: Math.round(cell.box.x0 + inset),
      y0: Math.round(cell.box.y0 + inset),
      x1: Math.round(cell.box.x1 - inset),
      y1: Math.round(cell.box.y1 - inset),
    };
    if (inner.x1 - inner.x0 < 4 || inner.y1 - inner.y0 < 4) continue;
    const mine = words.filter((w) => !taken.has(w) && centreIn(w, cell.box));
    mine.forEach((w) => taken.add(w));
    const inked = mine.length > 0 || inkShare(img, inner, p.threshold) >= 0.003;
    work.push({ cell, inner, mine, pageText: mine.map((w) => w.text).join(''), inked });
  }
  const { cols, bodyRow } = numberColumns(work);
  // Every cell's reading is asked for at once: digits go to the eng worker and text to the chi_sim worker, two
  // threads that then read side by side instead of in turn (issue 12); each worker still takes its cells in order.
  const reads = work.map(async ({ cell, inner, mine, pageText, inked }): Promise<OcrWord[]> => {
    if (!inked) return [];
    const inNumberColumn = cell.colSpan === 1 && cols.has(cell.col) && cell.row >= bodyRow;
    if (!inNumberColumn && !looksNumeric(pageText)) {
      const page = cleanText(mine);
      // A confident page reading is what the same model would read again in the cell alone: not worth a pass.
      if (page.length > 0 && minConf(page) >= SURE_TEXT) return page;
      const read = cleanText((await cellPass(img, inner, scale, 'text', budget, p.engine, bin)).words);
      return read.length && (page.length === 0 || minConf(read) >= minConf(page)) ? read : page;
    }
    const digits = tidy(await cellPass(img, inner, scale, 'digits', budget, p.engine, bin));
    const keepPage = !isNumber(digits.text) && isNumber(pageText.replace(/[\s|]/g, ''));
    if (keepPage || !digits.text) return mine;
    return [asWord(digits, mine.length ? union(mine) : inner)];
  });
  const out = (await settleAll(reads)).flat();
  return [...words.filter((w) => !taken.has(w)), ...out];
}

/**
 * Like Promise.all, but waits for every reading before it rejects: a failed cell (a time limit) must not leave the
 * others running on workers the caller goes on to use.
 */
async function settleAll<T>(ps: Promise<T>[]): Promise<T[]> {
  const settled = await Promise.allSettled(ps);
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<T>).value);
}

/**
 * Without ruling lines there are no cell boxes: number-like words of the page pass are
 * re-read in their own box, padded by a third of their height, with the digit whitelist.
 */
export async function rereadNumberWords(
  words: OcrWord[],
  p: Omit<CellPassInput, 'lattice' | 'inset'>,
): Promise<OcrWord[]> {
  const out: OcrWord[] = [];
  for (const w of words) {
    if (!looksNumeric(w.text)) {
      out.push(w);
      continue;
    }
    const m = (w.bbox.y1 - w.bbox.y0) / 3;
    const box = {
      x0: Math.max(0, Math.floor(w.bbox.x0 - m)),
      y0: Math.max(0, Math.floor(w.bbox.y0 - m)),
      x1: Math.min(p.img.width, Math.ceil(w.bbox.x1 + m)),
      y1: Math.min(p.img.height, Math.ceil(w.bbox.y1 + m)),
    };
    const digits = tidy(
      await cellPass(p.img, box, p.scale, 'digits', p.budget, p.engine, p.binarize ? p.threshold : undefined),
    );
    const better = digits.text !== '' && (isNumber(digits.text) || !isNumber(w.text));
    out.push(better ? asWord(digits, w.bbox) : w);
  }
  return out;
}
