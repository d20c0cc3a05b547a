/**
 * `npm run eval`: runs extract -> recognise on every sample that has an expected-records file
 * (test/golden/records/<sample file name>.expected.json) and prints, per table type and overall,
 * tables expected / found / typed correctly, field accuracy (exact value match) and checks passed.
 * `--verbose` lists every mismatch; `--only <substring>` limits the samples.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { processDocument, localSource } from '../src/pipeline/process-document.js';
import { compareRecord, pairRecords, type RecordLike } from './records-compare.js';
import { samplesByName } from './sample-index.js';

const EXPECTED_DIR = 'test/golden/records';
const SAMPLES_DIR = 'samples';

interface Row {
  expected: number;
  found: number;
  typed: number;
  fieldsMatched: number;
  fieldsTotal: number;
  checksOk: number;
  checksTotal: number;
}

const blank = (): Row => ({ expected: 0, found: 0, typed: 0, fieldsMatched: 0, fieldsTotal: 0, checksOk: 0, checksTotal: 0 });

function add(into: Row, from: Row): void {
  for (const k of Object.keys(into) as Array<keyof Row>) into[k] += from[k];
}

const pct = (a: number, b: number) => (b === 0 ? '   -  ' : `${((100 * a) / b).toFixed(1).padStart(5)}%`);

function line(label: string, r: Row): string {
  return [
    label.padEnd(28),
    String(r.expected).padStart(4),
    String(r.found).padStart(6),
    String(r.typed).padStart(6),
    `${r.fieldsMatched}/${r.fieldsTotal}`.padStart(12),
    pct(r.fieldsMatched, r.fieldsTotal),
    `${r.checksOk}/${r.checksTotal}`.padStart(11),
    pct(r.checksOk, r.checksTotal),
  ].join(' ');
}

export async function evaluate(options: { only?: string; verbose?: boolean; log?: (s: string) => void } = {}) {
  const log = options.log ?? console.log;
  const samples = samplesByName(SAMPLES_DIR);
  const byType = new Map<string, Row>();
  const cross = blank();
  const narrative = blank();
  const files = readdirSync(EXPECTED_DIR).filter((f) => f.endsWith('.expected.json') && (!options.only || f.includes(options.only)));
  for (const file of files) {
    const sampleName = basename(file, '.expected.json');
    const path = samples.get(sampleName);
    if (!path) {
      log(`!! ${file}: no sample named ${sampleName} under ${SAMPLES_DIR}/`);
      continue;
    }
    const expected = JSON.parse(readFileSync(join(EXPECTED_DIR, file), 'utf8')) as RecordLike[];
    const bytes = new Uint8Array(readFileSync(path));
    const { recognised } = await processDocument(bytes, localSource(bytes, path));
    const actual = recognised.records as unknown as RecordLike[];
    log(`-- ${sampleName}: ${expected.length} expected, ${actual.length} recognised`);
    for (const [exp, act] of pairRecords(expected, actual)) {
      const r = blank();
      r.expected = 1;
      if (act) {
        r.found = 1;
        r.typed = act.tableType === exp.tableType ? 1 : 0;
        const tally = compareRecord(exp as never, act);
        r.fieldsMatched = tally.matched;
        r.fieldsTotal = tally.total;
        r.checksTotal = act.checks?.length ?? 0;
        r.checksOk = act.checks?.filter((c) => c.ok).length ?? 0;
        if (options.verbose || !r.typed) {
          if (!r.typed) log(`   ${exp.title}: typed ${act.tableType}, expected ${exp.tableType}`);
          for (const m of tally.mismatches.slice(0, options.verbose ? 50 : 0)) log(`   ${exp.tableType} ${exp.title}: ${m}`);
        }
      } else {
        r.fieldsTotal = compareRecord(exp as never, undefined).total;
        log(`   not found: ${exp.tableType} '${exp.title}' p.${exp.provenance?.page ?? '?'}`);
      }
      const row = byType.get(exp.tableType) ?? blank();
      add(row, r);
      byType.set(exp.tableType, row);
    }
    // Document-level checks: identities across tables, and the narrative's totals against the tables.
    for (const c of recognised.checks) {
      const into = c.rule.startsWith('narrative.') ? narrative : cross;
      into.checksTotal++;
      if (c.ok) into.checksOk++;
    }
  }
  const overall = blank();
  log('');
  log(['table type'.padEnd(28), 'exp.', ' found', ' typed', '      fields', '   acc.', '     checks', '   pass'].join(' '));
  for (const [type, row] of [...byType].sort(([a], [b]) => a.localeCompare(b))) {
    log(line(type, row));
    add(overall, row);
  }
  log(line('cross-table checks', cross));
  log(line('narrative checks', narrative));
  add(overall, cross);
  add(overall, narrative);
  log(line('OVERALL', overall));
  return { byType, overall, cross, narrative };
}

const isMain = process.argv[1] && import.meta.url.endsWith(basename(process.argv[1]));
if (isMain) {
  const args = process.argv.slice(2);
  const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
  await evaluate({ verbose: args.includes('--verbose'), ...(only ? { only } : {}) });
}
