/**
 * Confirms ground-truth files (test/ground-truth/README.md) against the printed page with an independent tool:
 * poppler's word boxes for PDFs, the seed text for samples rebuilt from a seed. Prints one line per rejected
 * value or table and a summary; exits 1 when anything is rejected.
 * Usage: npx tsx scripts/check-ground-truth.ts <file.json...>
 */
import { basename } from 'node:path';
import { readFileSync } from 'node:fs';
import { checkGroundTruth, parseGroundTruth } from './ground-truth/check-file.js';
import type { GroundTruthValue } from './ground-truth/types.js';

function describe(v: GroundTruthValue): string {
  const row = [v.form, v.side, v.code, v.row ?? v.indicator ?? v.label ?? v.field].filter(Boolean).join(' ');
  return `p${v.page} ${v.tableType} [${row}] ${v.column ?? v.key ?? ''} = "${v.value}"`;
}

async function main(files: string[]): Promise<number> {
  if (!files.length) {
    console.error('usage: npx tsx scripts/check-ground-truth.ts <file.json...>');
    return 2;
  }
  let n = 0;
  let confirmed = 0;
  let rejected = 0;
  let tablesRejected = 0;
  for (const file of files) {
    const gt = parseGroundTruth(readFileSync(file, 'utf8'), file);
    const verdicts = await checkGroundTruth(gt);
    for (const t of verdicts.tables.filter((t) => !t.ok)) {
      const table = gt.tables[t.index]!;
      console.log(
        `${basename(file)} tables[${t.index}] p${table.page} ${table.tableType} "${table.title}": ${t.reason}`,
      );
      tablesRejected++;
    }
    for (const v of verdicts.values) {
      n++;
      if (v.ok) confirmed++;
      else {
        rejected++;
        console.log(`${basename(file)} values[${v.index}] ${describe(gt.values[v.index]!)}: ${v.reason}`);
      }
    }
  }
  console.log(
    `${n} values, ${confirmed} confirmed, ${rejected} rejected` +
      (tablesRejected ? `; ${tablesRejected} tables rejected` : ''),
  );
  return rejected || tablesRejected ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(2);
  },
);
