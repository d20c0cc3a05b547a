import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDir, REPO_ROOT } from '../../scripts/ground-truth/resolve.js';
import { shouldRun } from './services.js';

/**
 * The real corpus: published disclosures the project reads where they lie and never commits. `BUDGETDOC_CORPUS`
 * names the folder; the default, `../shared/corpus/real`, and any relative value are taken from the repository root
 * (scripts/ground-truth/resolve.ts, the one place that decides it). bench/ (the sample index, `npm run eval`) reads
 * the corpus through this module too.
 */
export { corpusDir, REPO_ROOT };

/** A corpus document by its file name (e.g. shanghai-putuo-finance-bureau-2024-final.pdf). */
export function corpusFile(name: string): string {
  return join(corpusDir(), name);
}

/**
 * Whether tests that read the corpus (the folder, and each of `names` in it) should run: under CI=true a missing
 * corpus makes them run and fail (see shouldRun); elsewhere they skip with the printed reason.
 */
export function corpusAvailable(names: readonly string[] = [], what = 'tests on the real corpus'): boolean {
  const dir = corpusDir();
  if (!existsSync(dir)) return shouldRun(false, `${what}: no corpus at ${dir} (set BUDGETDOC_CORPUS)`);
  const missing = names.filter((n) => !existsSync(corpusFile(n)));
  return shouldRun(
    missing.length === 0,
    `${what}: ${missing.join(', ')} not in the corpus at ${dir} (set BUDGETDOC_CORPUS)`,
  );
}
