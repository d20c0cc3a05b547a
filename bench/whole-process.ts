import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpusDir } from '../test/helpers/corpus.js';
import { median, timeProcess } from './process-timing.js';

/** A program timed over the same files: medians of its runs. */
export interface ProgramResult {
  name: string;
  files: number;
  pages: number;
  seconds: number;
  peakRssMb: number;
  runs: number[];
}

/** Every PDF of the corpus, where it lies ($BUDGETDOC_CORPUS). */
export function corpusPdfs(): string[] {
  const dir = corpusDir();
  return readdirSync(dir)
    .filter((f) => f.endsWith('.pdf'))
    .sort()
    .map((f) => join(dir, f));
}

interface Program {
  name: string;
  run(files: string[]): { seconds: number; peakRssMb: number };
}

const node = process.execPath;

/** The bare pdf.js script (bench/bare-pdfjs.mjs) and `budgetdoc extract --raw` at 1 and at 2 documents at once. */
function programs(): Program[] {
  const out: Program[] = [
    { name: 'bare pdf.js getTextContent', run: (f) => timeProcess(node, ['bench/bare-pdfjs.mjs', ...f]) },
    {
      name: 'bare pdf.js text + operator list',
      run: (f) => timeProcess(node, ['bench/bare-pdfjs.mjs', '--operator-list', ...f]),
    },
    ...[1, 2].map((n) => ({
      name: `budgetdoc extract --raw (${n} at once)`,
      run: (f: string[]) =>
        timeProcess(node, ['bin/budgetdoc.js', 'extract', '--raw', '--no-ocr', '--concurrency', String(n), ...f], {
          ...process.env,
          LOG_LEVEL: 'warn',
        }),
    })),
  ];
  const jar = openDataLoaderJar();
  if (jar && hasJava()) {
    out.push({
      name: 'OpenDataLoader PDF (java -jar)',
      run: (f) => {
        const dir = mkdtempSync(join(tmpdir(), 'odl-'));
        try {
          return timeProcess('java', ['-jar', jar, '-f', 'json', '-o', dir, '-q', ...f]);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    });
  }
  return out;
}

function openDataLoaderJar(): string | undefined {
  try {
    // The package's exports map lists no package.json: its main entry is dist/index.cjs, the jar is in lib/.
    const main = createRequire(import.meta.url).resolve('@opendataloader/pdf');
    const jar = join(main, '..', '..', 'lib', 'opendataloader-pdf-cli.jar');
    return existsSync(jar) ? jar : undefined;
  } catch {
    return undefined;
  }
}

function hasJava(): boolean {
  try {
    timeProcess('java', ['-version']);
    return true;
  } catch {
    return false;
  }
}

/**
 * Each program over all the files in one invocation, the programs alternated run after run (so a busy moment of the
 * machine is shared by all), medians reported (issue 12: measured as processes, side by side, several runs).
 */
export function compareWholeProcess(files: string[], runs: number): ProgramResult[] {
  const progs = programs();
  const pages = Number(JSON.parse(timeProcess(node, ['bench/bare-pdfjs.mjs', ...files]).stdout).pages);
  const times = progs.map(() => [] as Array<{ seconds: number; peakRssMb: number }>);
  for (let r = 0; r < runs; r++) progs.forEach((p, i) => times[i]!.push(p.run(files)));
  return progs.map((p, i) => ({
    name: p.name,
    files: files.length,
    pages,
    seconds: median(times[i]!.map((t) => t.seconds)),
    peakRssMb: median(times[i]!.map((t) => t.peakRssMb)),
    runs: times[i]!.map((t) => t.seconds),
  }));
}
