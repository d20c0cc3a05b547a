import type { BBox } from '../../model/document.js';
import type { PositionedText } from './types.js';
import { overlap } from './geometry.js';

export interface TextLine {
  items: PositionedText[];
  bbox: BBox;
  text: string;
}

const height = (b: BBox): number => b.y1 - b.y0;
const ASCII_WORD = /[A-Za-z]$/;
const ASCII_START = /^[A-Za-z]/;

/**
 * Items on one baseline form a line: they overlap vertically by more than half the smaller
 * height. Lines are returned top to bottom, items left to right.
 */
export function groupLines(items: PositionedText[]): TextLine[] {
  const sorted = [...items].sort((a, b) => (a.bbox.y0 + a.bbox.y1) / 2 - (b.bbox.y0 + b.bbox.y1) / 2);
  const lines: PositionedText[][] = [];
  const boxes: BBox[] = [];
  for (const it of sorted) {
    let placed = false;
    for (let k = lines.length - 1; k >= Math.max(0, lines.length - 3); k--) {
      const b = boxes[k]!;
      const ov = overlap(b.y0, b.y1, it.bbox.y0, it.bbox.y1);
      if (ov > 0.5 * Math.min(height(b), height(it.bbox))) {
        lines[k]!.push(it);
        boxes[k] = {
          x0: Math.min(b.x0, it.bbox.x0),
          y0: Math.min(b.y0, it.bbox.y0),
          x1: Math.max(b.x1, it.bbox.x1),
          y1: Math.max(b.y1, it.bbox.y1),
        };
        placed = true;
        break;
      }
    }
    if (!placed) {
      lines.push([it]);
      boxes.push({ ...it.bbox });
    }
  }
  return lines.map((line, k) => {
    const ordered = line.sort((a, b) => a.bbox.x0 - b.bbox.x0);
    return { items: ordered, bbox: boxes[k]!, text: joinInLine(ordered) };
  });
}

/** CJK ideographs, kana and full-width forms: a gap between two of them is justification, not a space. */
export const isWide = (ch: string): boolean => ch !== '' && (ch.codePointAt(0) ?? 0) >= 0x2e80;

/**
 * Runs on one line: a visible gap (over a quarter em) becomes one space, so operator, value and
 * unit runs (`≥ 90 %`, seed 004) read as printed; touching runs (font switches) and justified CJK
 * (`公 务 用 车`, spread over a cell by ONLYOFFICE) join directly.
 */
export function joinInLine(items: PositionedText[]): string {
  let out = '';
  let prev: PositionedText | undefined;
  for (const it of items) {
    if (prev) {
      const gap = it.bbox.x0 - prev.bbox.x1;
      const em = it.fontSize ?? height(it.bbox);
      const cjkPair = isWide(out.slice(-1)) && isWide(it.text.charAt(0));
      if (gap > 0.25 * em && !cjkPair && !/\s$/.test(out) && !/^\s/.test(it.text)) out += ' ';
    }
    out += it.text;
    prev = it;
  }
  return out;
}

/** Wrapped lines joined in reading order; CJK wraps join without a space (lead's note, issue 3). */
export function joinLines(lines: string[]): string {
  let out = '';
  for (const raw of lines) {
    const line = raw;
    if (out && ASCII_WORD.test(out) && ASCII_START.test(line)) out += ' ';
    out += line;
  }
  return out;
}

export function cellText(items: PositionedText[]): string {
  return joinLines(groupLines(items).map((l) => l.text));
}
