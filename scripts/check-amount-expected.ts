/**
 * Checks an expected-records file for a PDF sample against the printed page, independently of our
 * extractor and recognisers: poppler's `pdftotext -layout` text of the record's pages must print
 * every row label and, near it, every non-blank amount in the printed format ('2,106.66',
 * '46,140,000.00', '0'). Prints each row it cannot confirm; exits 1 if there is any.
 * Usage: npx tsx scripts/check-amount-expected.ts test/snapshots/records/<pdf>.expected.json <corpus>/<pdf>
 *   (<corpus>: $BUDGETDOC_CORPUS, default ../shared/corpus/real)
 * For a DOCX sample, pass the seed text it was rebuilt from instead of a PDF (every page is that text):
 *   npx tsx scripts/check-amount-expected.ts test/snapshots/records/yangling-2019-final.docx.expected.json ../shared/seeds/001_55c29b96431f68d9.txt
 * Needs poppler-utils for PDFs (a build-time tool, never used by tests).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const [expectedPath, pdf] = process.argv.slice(2) as [string, string];
const records = (JSON.parse(readFileSync(expectedPath, 'utf8')) as Array<{ tableType: string }>).filter((r) =>
  /^(final|budget)\./.test(r.tableType),
) as unknown as Array<{
  title: string;
  provenance: { page: number };
  rows: Array<{ code?: string; name: string; values: Record<string, number | null> }>;
}>;

const squash = (s: string) =>
  s
    .replace(/[\s\u3000]+/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/：/g, ':');
const pageText = (from: number, to: number) =>
  pdf.endsWith('.txt')
    ? readFileSync(pdf, 'utf8').split('\n')
    : execFileSync('pdftotext', ['-layout', '-f', String(from), '-l', String(to), pdf, '-'], {
        encoding: 'utf8',
      }).split('\n');

/** The ways a number can be printed: 2,106.66 / 2106.66 / 46,140,000.00 / 0. */
function printed(v: number): string[] {
  const forms = new Set<string>();
  for (const d of [0, 1, 2]) {
    if (Number(v.toFixed(d)) !== v) continue;
    forms.add(v.toFixed(d));
    forms.add(v.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d }));
  }
  return [...forms];
}

/** Lines either side of a label to look for its amounts: a seed text prints one cell per line. */
const WINDOW = pdf.endsWith('.txt') ? 12 : 3;

let problems = 0;
records.forEach((rec, i) => {
  const next = records[i + 1]?.provenance.page ?? rec.provenance.page + 5;
  const lines = pageText(rec.provenance.page, Math.max(rec.provenance.page, next));
  const flat = lines.map(squash);
  for (const row of rec.rows) {
    // A label wrapped over two printed lines: its first six characters still sit on one line.
    const key = squash(row.name.split('/').at(-1) ?? row.name).slice(0, 6);
    const at = flat.flatMap((l, n) =>
      (key !== '' && l.includes(key)) || (row.code && l.includes(row.code.slice(-2))) ? [n] : [],
    );
    const values = Object.entries(row.values).filter(([, v]) => v !== null) as Array<[string, number]>;
    // Rows with no printed label (a one-line 三公 budget table, a Jiangsu 支出预算总表 line, named
    // '预算数' or '' by the recogniser): their amounts must be printed somewhere on the pages.
    const unlabelled = key === '' || /^(预算数|决算数)$/.test(row.name) || !flat.some((l) => l.includes(key));
    if (unlabelled && !/^(预算数|决算数|)$/.test(row.name)) {
      problems++;
      console.log(`${rec.title} p.${rec.provenance.page}: label '${row.name}' not printed`);
      continue;
    }
    const where = unlabelled ? lines.map((_, n) => n) : at;
    for (const [k, v] of values) {
      const near = where.some((n) =>
        lines
          .slice(Math.max(0, n - WINDOW), n + WINDOW + 1)
          .some((l) =>
            printed(v).some((f) => new RegExp(`(^|[^\\d.,])${f.replace(/[.]/g, '\\.')}($|[^\\d.,])`).test(l)),
          ),
      );
      if (!near) {
        problems++;
        console.log(
          `${rec.title} p.${rec.provenance.page}: ${row.code ?? ''} ${row.name} ${k}=${v} not printed near its label`,
        );
      }
    }
  }
});
console.log(`${records.length} records, ${problems} unconfirmed`);
process.exit(problems > 0 ? 1 : 0);
