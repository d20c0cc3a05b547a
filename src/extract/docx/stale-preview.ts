import type { Table } from '../../model/document.js';
import type { PositionedText } from '../tables/types.js';

/** A cell that reads as one number ('531.71', '100%', '-3'); wrapped fragments of prose do not. */
const NUMERIC = /^[-+]?\d[\d,]*(\.\d+)?%?$/;

export interface PreviewDifference {
  locator: string;
  workbook: string;
  preview: string;
}

const asNumber = (s: string): number => Number(s.replace(/[,%]/g, ''));

/** Runs in reading order: lines by the vertical centre (within half a line), then left to right. */
function readingOrder(runs: PositionedText[]): PositionedText[] {
  const mid = (t: PositionedText): number => (t.bbox.y0 + t.bbox.y1) / 2;
  const sorted = [...runs].sort((a, b) => mid(a) - mid(b));
  const lines: PositionedText[][] = [];
  for (const t of sorted) {
    const line = lines[lines.length - 1];
    const h = t.bbox.y1 - t.bbox.y0;
    if (line && Math.abs(mid(line[0]!) - mid(t)) < h / 2) line.push(t);
    else lines.push([t]);
  }
  return lines.flatMap((l) => l.sort((a, b) => a.bbox.x0 - b.bbox.x0));
}

/**
 * Compares the numbers a preview picture prints with the workbook's numeric cells. Both are
 * read in reading order and aligned by edit distance, so a preview that wraps or drops a
 * cell still lines up; a substitution is a figure the preview shows differently (seed 001:
 * 得分 5 in image11.emf where the workbook holds 40). Insertions and deletions are layout
 * noise (a wrapped fragment that happens to be a number) and are not reported.
 */
export function comparePreview(
  workbook: Table,
  preview: PositionedText[],
): { compared: number; differences: PreviewDifference[] } {
  const cells = [...workbook.cells]
    .filter((c) => NUMERIC.test(c.text.trim()))
    .sort((a, b) => a.row - b.row || a.col - b.col);
  const runs = readingOrder(preview.filter((t) => NUMERIC.test(t.text.trim())));
  const a = cells.map((c) => asNumber(c.text.trim()));
  const b = runs.map((t) => asNumber(t.text.trim()));
  const n = a.length;
  const m = b.length;
  if (n * m > 4_000_000) return { compared: 0, differences: [] };
  const d: number[][] = Array.from({ length: n + 1 }, (_, i) =>
    Array.from({ length: m + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const same = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j - 1]! + same, d[i - 1]![j]! + 1, d[i]![j - 1]! + 1);
    }
  }
  const differences: PreviewDifference[] = [];
  let i = n;
  let j = m;
  while (i > 0 && j > 0) {
    const same = a[i - 1] === b[j - 1] ? 0 : 1;
    if (d[i]![j] === d[i - 1]![j - 1]! + same) {
      if (same) {
        const cell = cells[i - 1]!;
        differences.push({
          locator: cell.prov.locator ?? `${cell.row},${cell.col}`,
          workbook: cell.text.trim(),
          preview: runs[j - 1]!.text.trim(),
        });
      }
      i--;
      j--;
    } else if (d[i]![j] === d[i - 1]![j]! + 1) i--;
    else j--;
  }
  return { compared: Math.min(n, m), differences: differences.reverse() };
}
