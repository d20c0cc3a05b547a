// The state pdf.js's getTextContent keeps while it reads text, for src/extract/pdf/operator-text.ts.
import { multiply, type Matrix } from './matrix.js';

/** One run of text: the fields of a pdf.js TextItem that readers use, in PDF user space. */
export interface TextRun {
  str: string;
  /** pdf.js's item transform: the text rendering matrix at the run's first glyph. */
  transform: Matrix;
  width: number;
  height: number;
  /** The font's loaded name (pdf.js's `fontName`). */
  fontName: string;
}

/** What a run needs of a font, as pdf.js sends it with the operator list (`commonObjs`). */
export interface RunFont {
  name?: string;
  vertical?: boolean;
  fontMatrix?: number[];
  isType3Font?: boolean;
  bbox?: number[];
}

/** A glyph of a showText operator, as pdf.js sends it. */
export interface Glyph {
  unicode: string;
  width: number;
  vmetric?: number[] | null;
  originalCharCode?: number;
}

export const FONT_IDENTITY: number[] = [0.001, 0, 0, 0.001, 0, 0];

/** pdf.js's TextState, with the graphics state's matrix beside it. */
export interface TextState {
  ctm: Matrix;
  font: RunFont | undefined;
  loadedName: string | null;
  fontSize: number;
  fontMatrix: number[];
  textMatrix: Matrix;
  textLineMatrix: Matrix;
  charSpacing: number;
  wordSpacing: number;
  leading: number;
  textHScale: number;
  textRise: number;
}

export const newState = (): TextState => ({
  ctm: [1, 0, 0, 1, 0, 0],
  font: undefined,
  loadedName: null,
  fontSize: 0,
  fontMatrix: FONT_IDENTITY,
  textMatrix: [1, 0, 0, 1, 0, 0],
  textLineMatrix: [1, 0, 0, 1, 0, 0],
  charSpacing: 0,
  wordSpacing: 0,
  leading: 0,
  textHScale: 1,
  textRise: 0,
});

export const cloneState = (s: TextState): TextState => ({
  ...s,
  textMatrix: [...s.textMatrix] as Matrix,
  textLineMatrix: [...s.textLineMatrix] as Matrix,
});

/**
 * The number a content stream most likely printed, from the float32 pdf.js stores it in (setTextMatrix and form
 * matrices travel as Float32Array): the shortest decimal that rounds to the same float32. getTextContent computes in
 * doubles from the printed numbers, and its thresholds are met exactly on real pages (a glyph 3 pt back under a
 * 0.05 text matrix is an advance of exactly -60, the limit for a 300-unit font in
 * shanghai-2024-final-template.pdf), so the float32 error alone would break a run where pdf.js keeps it.
 */
function printed(v: number): number {
  // A decimal of up to 6 digits survives float32 and comes back from 6 (FLT_DIG); 7 and 8 cover longer ones.
  for (let digits = 6; digits < 9; digits++) {
    const d = Number(v.toPrecision(digits));
    if (Math.fround(d) === v) return d;
  }
  return v;
}

export const printedMatrix = (m: ArrayLike<number>): Matrix => Array.from(m, printed) as Matrix;

export function translate(m: Matrix, x: number, y: number): void {
  m[4] = m[0] * x + m[2] * y + m[4];
  m[5] = m[1] * x + m[3] * y + m[5];
}

/** pdf.js's getCurrentTextTransform: the text rendering matrix in user space. */
export function textTransform(s: TextState): Matrix {
  const font = s.font!;
  const tsm: Matrix = [s.fontSize * s.textHScale, 0, 0, s.fontSize, 0, s.textRise];
  const fm = s.fontMatrix;
  if (font.isType3Font && s.fontSize <= 1 && !FONT_IDENTITY.every((v, k) => v === fm[k])) {
    const glyphHeight = (font.bbox?.[3] ?? 0) - (font.bbox?.[1] ?? 0);
    if (glyphHeight > 0) tsm[3] *= glyphHeight * fm[3]!;
  }
  return multiply(s.ctm, multiply(s.textMatrix, tsm));
}

/** How far one unit of text advance goes in user space along the line. */
export function advanceScale(s: TextState): number {
  return Math.hypot(s.textLineMatrix[0], s.textLineMatrix[1]) * Math.hypot(s.ctm[0], s.ctm[1]);
}
