/**
 * Builds the hostile corpus of issue 16 from the project's own samples (never from the real corpus):
 *
 *   npx tsx scripts/hostile-corpus/build.ts <out-dir> [--seed N] [--fast] [--only <path-prefix>]
 *
 * --fast builds only the slice `npm test` ingests; --only the recipes whose path starts with the prefix. The same
 * seed gives the same bytes, file by file, whatever subset is built. A manifest (kind, base sample, what each file
 * tries) is written to <out-dir>/.manifest.json, which `budgetdoc ingest <out-dir>` skips.
 */
import { resolve } from 'node:path';
import { allRecipes, buildCorpus, DEFAULT_SEED, fastSlice } from './corpus.js';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const out = args.find((a, i) => !a.startsWith('--') && !['--seed', '--only'].includes(args[i - 1] ?? ''));
if (!out) {
  console.error('usage: npx tsx scripts/hostile-corpus/build.ts <out-dir> [--seed N] [--fast] [--only <prefix>]');
  process.exit(2);
}
let recipes = allRecipes();
if (args.includes('--fast')) recipes = fastSlice(recipes);
const only = flag('--only');
if (only) recipes = recipes.filter((r) => r.path.startsWith(only));
const started = Date.now();
const manifest = await buildCorpus(resolve(out), recipes, {
  seed: Number(flag('--seed') ?? DEFAULT_SEED),
  onFile: (path, done, total) => {
    if (done % 100 === 0 || done === total) console.error(`[${done}/${total}] ${path}`);
  },
});
const byKind = new Map<string, number>();
for (const m of manifest) byKind.set(m.kind, (byKind.get(m.kind) ?? 0) + 1);
const mb = manifest.reduce((s, m) => s + m.bytes, 0) / 1024 / 1024;
console.log(
  `${manifest.length} files, ${mb.toFixed(1)} MB, in ${((Date.now() - started) / 1000).toFixed(1)} s: ${resolve(out)}`,
);
for (const [kind, n] of byKind) console.log(`  ${kind.padEnd(18)} ${n}`);
