/**
 * Ingests a built hostile corpus through the binary on the embedded default and reports what became of every file:
 *
 *   npx tsx scripts/hostile-corpus/run.ts <corpus-dir> <data-dir> [--timeout 60] [--kill-above-mb 7000] [--json out.json]
 *
 * A run that crashes, hangs or passes the memory bound is not the end of the measurement: the file that was being
 * processed (the first one the store still holds pending) is recorded as the cause, set aside, and `ingest` is run
 * again on the rest, which finishes what was left pending. The figures then cover every file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MANIFEST, type ManifestEntry } from './corpus.js';
import { leakedRows, runIngest, storedOutcomes } from './harness.js';
import { figures, formatFigures, outcomesByFile } from './report.js';

const args = process.argv.slice(2);
const flag = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1]! : fallback;
};
const [corpusArg, dataArg] = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
if (!corpusArg || !dataArg) {
  console.error(
    'usage: npx tsx scripts/hostile-corpus/run.ts <corpus-dir> <data-dir> [--timeout 60] [--json out.json]',
  );
  process.exit(2);
}
const corpusDir = resolve(corpusArg);
const dataDir = resolve(dataArg);
const manifest = (JSON.parse(readFileSync(join(corpusDir, MANIFEST), 'utf8')) as { files: ManifestEntry[] }).files;
// The order `ingest` walks a folder in (sorted at each level), so "the first pending file" is the one in flight.
const files = manifest.map((m) => m.path).sort((a, b) => (a.split('/') < b.split('/') ? -1 : 1));

interface Incident {
  path: string;
  why: 'crash' | 'memory' | 'stall';
  detail: string;
}
const incidents: Incident[] = [];
let peakRssMb = 0;
let seconds = 0;
/** Documents extracted more than once within one round (a later round re-runs what a crash left pending). */
const repeated = new Map<string, number>();
const extractMs = new Map<string, number>();
for (let round = 1; ; round++) {
  const set = new Set(incidents.map((i) => i.path));
  const paths = incidents.length ? files.filter((f) => !set.has(f)).map((f) => join(corpusDir, f)) : [corpusDir];
  const run = await runIngest({
    paths,
    dataDir,
    timeoutSeconds: Number(flag('--timeout', '60')),
    killAboveMb: Number(flag('--kill-above-mb', '7000')),
    stallSeconds: Number(flag('--stall-seconds', '600')),
    nice: 10,
    ...(flag('--log', '') ? { logFile: flag('--log', '') } : {}),
  });
  peakRssMb = Math.max(peakRssMb, run.peakRssMb);
  seconds += run.seconds;
  for (const [id, n] of run.extractions) if (n > 1) repeated.set(id, Math.max(n, repeated.get(id) ?? 0));
  for (const [id, ms] of run.extractMs) extractMs.set(id, (extractMs.get(id) ?? 0) + ms);
  const clean = !run.killed && run.signal === null && (run.code === 0 || run.code === 1);
  console.error(
    `round ${round}: exit ${run.code ?? run.signal}${run.killed ? ` (killed: ${run.killed})` : ''}, ${run.seconds.toFixed(0)} s, peak ${run.peakRssMb} MB`,
  );
  if (clean) break;
  const outcomes = outcomesByFile(corpusDir, manifest, await storedOutcomes(dataDir));
  const status = new Map(outcomes.map((o) => [o.path, o.status]));
  const culprit =
    files.find((f) => !set.has(f) && status.get(f) === 'missing') ??
    files.find((f) => !set.has(f) && status.get(f) === 'pending');
  if (!culprit) {
    console.error('the run did not finish cleanly and left nothing pending: stopping');
    break;
  }
  const why = run.killed === 'memory' ? 'memory' : run.killed === 'stall' ? 'stall' : 'crash';
  const tail = run.stderr
    .split('\n')
    .filter((l) => l && !l.startsWith('{"level":30'))
    .slice(-12)
    .join('\n');
  incidents.push({ path: culprit, why, detail: `exit ${run.code ?? run.signal}; ${tail}` });
  console.error(`  ${why}: ${culprit}\n${tail}`);
}

const stored = await storedOutcomes(dataDir);
const outcomes = outcomesByFile(corpusDir, manifest, stored);
const f = figures(outcomes, extractMs);
const leaks = await leakedRows(dataDir);
const multiple = stored.filter((d) => repeated.has(d.id)).map((d) => `${d.urls[0]} ×${repeated.get(d.id)}`);
process.stdout.write(
  formatFigures(f, {
    peakRssMb,
    seconds,
    crashes: incidents.filter((i) => i.why !== 'stall').map((i) => `${i.path} (${i.why})`),
    hangs: incidents.filter((i) => i.why === 'stall').map((i) => i.path),
  }),
);
console.log(`stored rows holding /etc/passwd text: ${leaks}`);
console.log(
  `documents extracted more than once: ${multiple.length}${multiple.length ? `: ${multiple.join(', ')}` : ''}`,
);
for (const i of incidents) console.log(`\n${i.why} ${i.path}\n${i.detail}`);
const out = flag('--json', '');
if (out)
  writeFileSync(
    out,
    `${JSON.stringify({ peakRssMb, seconds, incidents, figures: f, outcomes, leaks, multiple }, null, 1)}\n`,
  );
