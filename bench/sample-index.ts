import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDir, corpusFile } from '../test/helpers/corpus.js';
import { buildScanSample, SCAN_SAMPLE, SCAN_SOURCE } from '../scripts/build-scan-samples.js';
import { buildWrongTotal, WRONG_TOTAL_SAMPLE, WRONG_TOTAL_SOURCE } from '../scripts/build-amount-wrong-total.js';

/**
 * Where a sample named in a snapshot or golden file (test/snapshots/records/<sample file name>.expected.json,
 * test/snapshots/pdf/<name>.expected.json) is read from. Three kinds, none of the last two in the repository:
 *  - the project's own samples, under samples/ (built from seeds or constructed; samples/<format>/SOURCES.md);
 *  - corpus documents, read where they lie ($BUDGETDOC_CORPUS, test/helpers/corpus.ts);
 *  - derived files, made from a corpus document by a committed script, built into a temporary folder when needed.
 * Used by the snapshot and golden tests and by `npm run bench`.
 */

/** The corpus documents the tests and the bench read (the snapshots keyed by these names). */
export const CORPUS_SAMPLES = [
  'jiangsu-cppcc-office-2017-budget-tables.pdf',
  'jiangsu-npc-office-2019-budget-tables.pdf',
  'shanghai-2024-final-template.pdf',
  'shanghai-finance-bureau-2025-unit-budget.pdf',
  'shanghai-putuo-finance-bureau-2024-final.pdf',
  'shanghai-putuo-gov-office-2025-budget.pdf',
  'shanghai-putuo-wanli-street-2024-budget.pdf',
  'shanghai-putuo-2026-unit-budget-template.xls',
] as const;

export interface DerivedSample {
  name: string;
  /** The corpus document it is made from. */
  from: string;
  /** Commands the build runs, with the Debian package that has them (scripts/install-system-deps.sh). */
  needs: Array<{ command: string; pkg: string }>;
  /** Writes `name` into outDir from the corpus folder; returns its path. */
  build(corpus: string, outDir: string): Promise<string>;
}

export const DERIVED_SAMPLES: readonly DerivedSample[] = [
  // Page 15 of the Putuo 2024 决算 as a scan (scripts/build-scan-samples.ts).
  {
    name: SCAN_SAMPLE,
    from: SCAN_SOURCE,
    needs: [{ command: 'pdftoppm', pkg: 'poppler-utils' }],
    build: buildScanSample,
  },
  // The same page's table as HTML with one printed total changed (scripts/build-amount-wrong-total.ts).
  { name: WRONG_TOTAL_SAMPLE, from: WRONG_TOTAL_SOURCE, needs: [], build: buildWrongTotal },
];

export function derivedSample(name: string): DerivedSample {
  const d = DERIVED_SAMPLES.find((s) => s.name === name);
  if (!d) throw new Error(`no derived sample named ${name}`);
  return d;
}

/**
 * Builds a derived sample into outDir unless it is there already; returns its path. The file is written in a
 * folder of its own first and moved into place, so a reader never sees half a file.
 */
export async function buildDerived(name: string, outDir: string, corpus = corpusDir()): Promise<string> {
  const out = join(outDir, name);
  if (existsSync(out)) return out;
  const work = join(outDir, `.build-${process.pid}-${name}`);
  mkdirSync(work, { recursive: true });
  try {
    renameSync(await derivedSample(name).build(corpus, work), out);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return out;
}

/** Every file under dir by its bare file name, whatever folder it sits in. */
export function samplesByName(dir: string, out = new Map<string, string>()): Map<string, string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) samplesByName(path, out);
    else out.set(name, path);
  }
  return out;
}

export type SampleKind = 'sample' | 'corpus' | 'derived';

export interface SampleEntry {
  kind: SampleKind;
  /** For a corpus document, where it should be; for a derived file, where it is built (buildDerived). */
  path: string;
}

/**
 * Every sample by bare file name: the project's own under `samples`, CORPUS_SAMPLES in the corpus folder (whether
 * or not they are there: the caller decides, see test/helpers/corpus.ts), DERIVED_SAMPLES in `derivedDir`.
 */
export function sampleIndex(derivedDir: string, samples = 'samples'): Map<string, SampleEntry> {
  const index = new Map<string, SampleEntry>();
  for (const [name, path] of samplesByName(samples)) index.set(name, { kind: 'sample', path });
  for (const name of CORPUS_SAMPLES) index.set(name, { kind: 'corpus', path: corpusFile(name) });
  for (const d of DERIVED_SAMPLES) index.set(d.name, { kind: 'derived', path: join(derivedDir, d.name) });
  return index;
}
