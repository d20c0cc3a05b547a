/**
 * `npm run eval`: scores the pipeline against ground truth only (test/ground-truth/corpus/*.json and
 * samples/*.json, values typed from the printed page; format in test/ground-truth/README.md). Each document
 * ('corpus:<file>' under $BUDGETDOC_CORPUS, default ../shared/corpus/real; 'sample:<path>' in the repo) is run
 * through processDocument, each GT value matched to its record value (bench/eval/), and the report gives, per
 * table type and overall, GT values / found / exact / field accuracy, tables typed correctly, the share of values
 * verified, and every silent error (a record stored `ok` while ground truth disagrees with it).
 * `--verbose` lists every mismatch; `--only <substring>` limits the documents; `--json` prints a machine summary;
 * `--root <dir>` reads ground truth from another folder (default test/ground-truth).
 * It is a report: the exit code is 0. Snapshots (test/snapshots/) are not scored here.
 */
import { basename } from 'node:path';
import { jsonSummary, printReport } from './eval/report.js';
import { evaluate } from './eval/run.js';

export { evaluate } from './eval/run.js';

const isMain = process.argv[1] && import.meta.url.endsWith(basename(process.argv[1]));
if (isMain) {
  const args = process.argv.slice(2);
  const flag = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const only = flag('--only');
  const root = flag('--root');
  const json = args.includes('--json');
  const verbose = args.includes('--verbose');
  // Progress goes to stderr with --json, so stdout is the summary alone.
  const progress = json ? (s: string) => console.error(s) : (s: string) => console.log(s);
  const summary = await evaluate({ ...(only ? { only } : {}), ...(root ? { root } : {}), log: progress });
  if (json) console.log(JSON.stringify(jsonSummary(summary), null, 1));
  else printReport(summary, { verbose });
  process.exitCode = 0;
}
