/**
 * Confirms one value of a table line (or of an indicator row) on its PDF page: the value sits on the text line of its
 * row label or code, under a printed header that names its column. Blank cells: the row is printed and nothing sits
 * under that header on its line.
 */
import type { GroundTruthValue } from './types.js';
import type { PageWords, Word } from './pdf-words.js';
import { cy, findCode, findLabel, headerBand, headerWords, lineDistance, sameLine, xOverlap } from './geometry.js';
import { titleAbove } from './titles.js';
import { headerParts, isValueWord, numberOf, sameValue } from './text.js';

type Span = { x0: number; x1: number };

/** One printed occurrence of the row: the words it can be aligned with, and where the row's text ends. */
interface RowAnchor {
  words: Word[];
  right: number;
  /** Code words, never taken for a value. */
  own: Set<Word>;
}

/** The header band over `span` on one page: below that page's title above `below`, above the span's first data cell. */
function bandOn(words: PageWords, pages: PageWords[], page: number, span: Span, below: number): string {
  const title = titleAbove(pages, page, below);
  const top = title && title.page === page ? title.title.y1 : 0;
  const cells = words.filter((w) => isValueWord(w.text) && cy(w) > top && xOverlap(w, span) > 0.5);
  const bottom = Math.min(below, ...cells.map(cy));
  return headerBand(headerWords(words), span, top, bottom);
}

/**
 * Whether every part of the typed column is printed in the header band over `span`: on the value's page, or (a table
 * continued without its header) on an earlier page of the same table run, back to the page of its title.
 */
export function headerOver(
  pages: PageWords[],
  page: number,
  span: Span,
  below: number,
  parts: string[],
): { ok: boolean; band: string } {
  let band = bandOn(pages[page - 1]!, pages, page, span, below);
  if (parts.every((p) => band.includes(p))) return { ok: true, band };
  const run = titleAbove(pages, page, below);
  for (let q = page - 1; run && q >= run.page; q--) {
    const b = bandOn(pages[q - 1]!, pages, q, span, Infinity);
    if (parts.every((p) => b.includes(p))) return { ok: true, band: b };
    if (!band) band = b;
  }
  return { ok: false, band };
}

/** The row's printed occurrences, or why there is none. */
function rowAnchors(words: PageWords, v: GroundTruthValue): RowAnchor[] | string {
  const label = v.row ?? v.indicator ?? v.label;
  const labels = label ? findLabel(words, label) : [];
  if (label && !labels.length) return `row "${label}" not printed on page ${v.page}`;
  const labelAnchors: RowAnchor[] = labels.map((m) => {
    const first = m.lines[0]!;
    const last = m.lines[m.lines.length - 1]!;
    return { words: [first[0]!, last[0]!], right: Math.max(...m.lines.flat().map((w) => w.x1)), own: new Set<Word>() };
  });
  if (!v.code) return labelAnchors;
  const codes = findCode(words, v.code);
  if (!codes.length) return `code ${v.code} not printed on page ${v.page}`;
  const out: RowAnchor[] = [];
  for (const seq of codes) {
    const right = seq[seq.length - 1]!.x1;
    const own = new Set(seq);
    if (!label) {
      out.push({ words: [seq[0]!], right, own });
      continue;
    }
    for (const a of labelAnchors) {
      if (a.words.some((w) => sameLine(w, seq[0]!) && w.x0 >= seq[0]!.x0))
        out.push({ words: [seq[0]!, ...a.words], right: a.right, own });
    }
  }
  return out.length ? out : `code ${v.code} and row "${label}" are not printed on one line of page ${v.page}`;
}

/** The side a summary table's header names over a value: 收入 or 支出 halves. */
function sideOf(band: string): 'income' | 'expenditure' | null {
  const inc = /收入/.test(band);
  const exp = /支出/.test(band);
  return inc === exp ? null : inc ? 'income' : 'expenditure';
}

/** Null when the value is confirmed, else the reason it is rejected. */
export function checkLineValue(pages: PageWords[], v: GroundTruthValue): string | null {
  const words = pages[v.page - 1];
  if (!words) return `page ${v.page} is not in the document`;
  const anchors = rowAnchors(words, v);
  if (typeof anchors === 'string') return anchors;
  const parts = headerParts(v.column ?? '');
  if (!parts.length) return 'no column given';
  const numeric = v.value === '' || numberOf(v.value) !== null;
  const seen: string[] = [];
  for (const a of anchors) {
    const onLine = words.filter(
      (w) =>
        !a.own.has(w) &&
        w.x0 >= a.right - 1 &&
        a.words.some((x) => sameLine(x, w)) &&
        (!numeric || isValueWord(w.text)),
    );
    const under = onLine.filter((w) => headerOver(pages, v.page, w, cy(w), parts).ok);
    if (v.value === '') {
      if (!under.length && columnPrinted(pages, v, a, parts)) return null;
      if (under.length) seen.push(`the line prints ${under.map((w) => w.text).join(' ')} under "${v.column}"`);
      continue;
    }
    if (!under.length) {
      const hit = onLine.find((w) => sameValue(v.value, w.text));
      if (hit)
        seen.push(
          `${hit.text} is printed on the line under header "${headerOver(pages, v.page, hit, cy(hit), parts).band}", not "${v.column}"`,
        );
      else seen.push(`nothing is printed under "${v.column}" on the line`);
      continue;
    }
    const printed = numeric ? nearest(under, a) : textOf(under);
    if (sameValue(v.value, printed.text)) {
      const reason = sideCheck(pages, v, printed, parts);
      if (!reason) return null;
      seen.push(reason);
    } else seen.push(`the line prints ${printed.text} under "${v.column}"`);
  }
  const where = v.code ? `${v.code} ${v.row ?? ''}`.trim() : (v.row ?? v.indicator ?? '');
  return `${where}: ${[...new Set(seen)].join('; ') || 'no line found'}`;
}

/** The value cell of one row occurrence: the candidate nearest its anchor line (a loose same-line test may admit a neighbour). */
function nearest(under: Word[], a: RowAnchor): Word {
  const d = (w: Word): number => Math.min(...a.words.map((x) => lineDistance(x, w)));
  return [...under].sort((p, q) => d(p) - d(q))[0]!;
}

/** A text cell printed as several words (an indicator value `≥ 90 %` in three runs). */
function textOf(under: Word[]): Word {
  const ws = [...under].sort((a, b) => a.x0 - b.x0);
  return { ...ws[0]!, text: ws.map((w) => w.text).join(''), x1: ws[ws.length - 1]!.x1 };
}

function sideCheck(pages: PageWords[], v: GroundTruthValue, w: Word, parts: string[]): string | null {
  if (!v.side) return null;
  const side = sideOf(headerOver(pages, v.page, w, cy(w), parts).band);
  return side && side !== v.side ? `the value stands in the ${side} half of the table, not ${v.side}` : null;
}

/** A blank cell only counts when its column is printed: a header cell spelling the column's last part, with its parents above. */
function columnPrinted(pages: PageWords[], v: GroundTruthValue, a: RowAnchor, parts: string[]): boolean {
  const leaf = parts[parts.length - 1]!;
  const below = Math.max(...a.words.map(cy));
  const run = titleAbove(pages, v.page, below);
  for (let q = v.page; q >= (run?.page ?? v.page); q--) {
    const hw = headerWords(pages[q - 1]!);
    for (const m of findLabel(hw, leaf, 12, 30)) {
      const ws = m.lines.flat();
      const span = { x0: Math.min(...ws.map((w) => w.x0)), x1: Math.max(...ws.map((w) => w.x1)) };
      if (span.x0 < a.right - 1 || (q === v.page && Math.min(...ws.map(cy)) > below)) continue;
      if (headerOver(pages, q, span, q === v.page ? below : Infinity, parts).ok) return true;
    }
  }
  return false;
}
