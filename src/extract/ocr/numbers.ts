import type { OcrWord } from './types.js';
import { inkShare, type GreyImage, type PixelBox } from './image.js';
import type { Lattice } from './lattice.js';
import { cellPass, type CellRead } from './passes.js';
import type { Budget, EngineOptions } from './engine.js';

/** An amount as printed in 决算 tables: 2,106.66 / 0.2 / -3.00, or a subject code 20106. */
const NUMBER = /^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;
const CJK = /[\u3400-\u9fff]/;

/** Page-pass text that is a number misread at worst: digits, separators, rulings mistaken for '|'. */
export function looksNumeric(text: string): boolean {
  const t = text.replace(/[\s|]/g, '');
  return /\d/.test(t) && !CJK.test(t) && /^[-\d,.:;'`"°oOlISB]+$/.test(t);
}

export function isNumber(text: string): boolean {
  return NUMBER.test(text);
}

const centreIn = (w: OcrWord, b: PixelBox) => {
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

export interface NumberPassInput {
  img: GreyImage;
  threshold: number;
  lattice: Lattice;
  /** Pixels to stay clear of the rulings inside a cell. */
  inset: number;
  scale: number;
  budget: Budget;
  engine?: EngineOptions;
}

/**
 * Second pass over a ruled table: every cell whose page-pass text looks like a number (or that
 * has ink but no words) is cropped inside its rulings and read again as one line, numbers with
 * the digit whitelist. Page-pass words are replaced cell by cell; words outside cells (title,
 * 单位 line) are kept as they are.
 */
export async function rereadNumberCells(words: OcrWord[], p: NumberPassInput): Promise<OcrWord[]> {
  const { img, lattice, inset, scale, budget } = p;
  const taken = new Set<OcrWord>();
  const out: OcrWord[] = [];
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
    const pageText = mine.map((w) => w.text).join('');
    let numeric = looksNumeric(pageText);
    if (mine.length === 0) {
      if (inkShare(img, inner, p.threshold) < 0.003) continue;
      // Ink the page pass missed: read it as text first, then decide.
      const read = await cellPass(img, inner, scale, 'text', budget, p.engine);
      if (!looksNumeric(read.text)) {
        out.push(...read.words);
        continue;
      }
      numeric = true;
    }
    if (!numeric) {
      out.push(...mine);
      continue;
    }
    const digits = await cellPass(img, inner, scale, 'digits', budget, p.engine);
    const keepPage = !isNumber(digits.text) && isNumber(pageText.replace(/[\s|]/g, ''));
    if (keepPage || !digits.text) out.push(...mine);
    else out.push(asWord(digits, mine.length ? union(mine) : inner));
  }
  return [...words.filter((w) => !taken.has(w)), ...out];
}
