/**
 * Builds three constructed hard-case samples (invented departments and figures, never from the corpus), for
 * testing that the pipeline never stores a wrong or incomplete record as `ok`:
 *  - samples/pdf/scan/shashi-health-2023-income-final-scan.pdf: an image-only 收入决算表 (公开02表), 30 body rows,
 *    nine columns, 7.5 pt text; set as a text PDF in a temp folder, rendered by pdftoppm at 200 dpi grey, turned
 *    0.9°, blurred, noised, grey JPEG q80 on an A4 page (scripts/hard-samples/scan.ts);
 *  - samples/pdf/built/fucheng-justice-2024-gongkai08-one-column.pdf: 公开08表 一般公共预算基本支出预算表 whose only
 *    amount column is 基本支出;
 *  - samples/pdf/built/yangpu-archives-2025-whole-yuan-budget.pdf: a 预算单位 budget in whole 元 whose printed
 *    totals are off by 1 元 from their printed parts in the places its data file lists (尾差).
 * All figures are in scripts/hard-samples/*-data.ts; this script checks every sum there before printing.
 * Needs pdftoppm (poppler-utils) and fonts-wqy-zenhei; the built files are committed, so tests need neither.
 * Usage: npx tsx scripts/build-hard-samples.ts [--keep-temp]   (--keep-temp leaves the text PDF and page PNGs of
 * the scan in the temp folder it prints)
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { incomeFinal } from './hard-samples/income-final-data.js';
import { gongkai08 } from './hard-samples/gongkai08-data.js';
import {
  wholeYuan,
  type PrintedRow,
  type TailDifference,
  type UnderlyingLeaf,
} from './hard-samples/whole-yuan-data.js';
import { buildGongkai08, buildIncomeFinalText, buildWholeYuan } from './hard-samples/layout.js';
import { scanPage, writeScanPdf } from './hard-samples/scan.js';
import { checkCodes, rowMismatches, treeMismatches, units, type Line, type Mismatch } from './hard-samples/sums.js';

function fail(what: string, found: Mismatch[]): never {
  throw new Error(
    `${what}: sums do not hold:\n${found.map((m) => `  ${m.identity} ${m.code || '合计'} col ${m.column}: ${m.printed} vs ${m.sumOfParts}`).join('\n')}`,
  );
}

function checkIncome(): void {
  const lines: Line[] = incomeFinal.rows.map(([code, , amounts]) => ({
    code,
    values: amounts.map((a) => units(a, 2)),
  }));
  if (lines.length !== 30) throw new Error(`收入决算表: ${lines.length} body rows, not 30`);
  checkCodes(lines);
  const names = incomeFinal.columns.map((c) => c.header);
  const found = [...treeMismatches(lines), ...rowMismatches(lines, 0, [1, 2, 3, 4, 5, 6], names)];
  if (found.length) fail('收入决算表', found);
}

function checkGongkai08(): void {
  const lines: Line[] = gongkai08.rows.map(([code, , amount]) => ({ code, values: [units(amount, 2)] }));
  checkCodes(lines);
  const found = treeMismatches(lines);
  if (found.length) fail('公开08表', found);
}

/** 元 with two decimals → 分. */
const fen = (s: string): number => units(s, 2);

/** Rounds 分 to whole 元, half up; refuses a tie, whose rounding would be a matter of convention. */
function toYuan(f: number): number {
  if (f % 100 === 50) throw new Error(`underlying amount ${f / 100} ends in .50`);
  return Math.round(f / 100);
}

const yuanText = (n: number): string => (n === 0 ? '' : n.toLocaleString('en-US'));

/** Recomputes one 元 table from its leaves and checks it against the printed rows; returns its mismatches. */
function checkYuanTable(
  name: 'functional' | 'economic',
  leaves: readonly UnderlyingLeaf[],
  printed: readonly PrintedRow[],
  headers: string[],
): TailDifference[] {
  const under = new Map(leaves.map(([code, , a, b]) => [code, [fen(a), fen(b)]] as const));
  for (const [code, rowName, cells] of printed) {
    const inTree = [...under].filter(([c]) => c.startsWith(code));
    if (!inTree.length) throw new Error(`${name} ${code} ${rowName}: no underlying leaf`);
    const parts = [0, 1].map((i) => inTree.reduce((s, [, v]) => s + v[i]!, 0));
    const expect = [parts[0]! + parts[1]!, parts[0]!, parts[1]!].map(toYuan).map(yuanText);
    if (expect.join('|') !== cells.join('|'))
      throw new Error(
        `${name} ${code || '合计'} ${rowName}: printed ${cells.join(' / ')}, underlying rounds to ${expect.join(' / ')}`,
      );
  }
  const lines: Line[] = printed.map(([code, , cells]) => ({ code, values: cells.map((c) => units(c, 0)) }));
  checkCodes(lines);
  const rowName = new Map(printed.map(([code, n]) => [code, n]));
  return [...treeMismatches(lines), ...rowMismatches(lines, 0, [1, 2], headers)].map((m) => ({
    table: name,
    code: m.code,
    row: rowName.get(m.code)!,
    column: headers[m.column]!,
    identity: m.identity,
    parts: m.parts,
    printed: m.printed,
    sumOfPrintedParts: m.sumOfParts,
    difference: m.printed - m.sumOfParts,
  }));
}

function checkWholeYuan(): void {
  const f = wholeYuan.functional;
  const e = wholeYuan.economic;
  const found = [
    ...checkYuanTable(
      'functional',
      f.underlying,
      f.printed,
      f.columns.map((c) => c.header),
    ),
    ...checkYuanTable(
      'economic',
      e.underlying,
      e.printed,
      e.columns.map((c) => c.header),
    ),
  ];
  const key = (t: TailDifference): string =>
    JSON.stringify([
      t.table,
      t.code,
      t.row,
      t.column,
      t.identity,
      t.parts,
      t.printed,
      t.sumOfPrintedParts,
      t.difference,
    ]);
  const listed = wholeYuan.tailDifferences.map(key).sort();
  const actual = found.map(key).sort();
  if (listed.join('\n') !== actual.join('\n')) {
    throw new Error(
      `whole-yuan budget: tailDifferences does not list exactly the printed 尾差:\n listed:\n${listed.join('\n')}\n actual:\n${actual.join('\n')}`,
    );
  }
  if (found.some((t) => Math.abs(t.difference) !== 1)) throw new Error('whole-yuan budget: a 尾差 is not ±1 元');
  const basic = f.printed.find(([c]) => c === '')![2][1];
  const economicTotal = e.printed.find(([c]) => c === '')![2][0];
  if (basic !== economicTotal)
    throw new Error(`whole-yuan budget: 功能 合计/基本支出 ${basic} ≠ 经济 合计 ${economicTotal}`);
}

async function main(): Promise<void> {
  const keep = process.argv.includes('--keep-temp');
  checkIncome();
  checkGongkai08();
  checkWholeYuan();
  mkdirSync('samples/pdf/scan', { recursive: true });
  mkdirSync('samples/pdf/built', { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'hard-samples-'));
  try {
    const text = join(dir, 'income-final-text.pdf');
    await buildIncomeFinalText(text);
    const { jpeg } = await scanPage(text, dir);
    await writeScanPdf(jpeg, incomeFinal.file);
  } finally {
    if (keep) console.log(`temp folder kept: ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
  await buildGongkai08(gongkai08.file);
  await buildWholeYuan(wholeYuan.file);
  console.log(`wrote ${incomeFinal.file}, ${gongkai08.file}, ${wholeYuan.file}`);
}

await main();
