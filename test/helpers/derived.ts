import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { buildDerived, derivedSample, sampleIndex, type SampleEntry } from '../../bench/sample-index.js';
import { corpusAvailable } from './corpus.js';
import { hasCommand, systemPackage } from './services.js';

/**
 * Derived samples (a scan rendered from a corpus page, a corpus table copied with a planted error) are never
 * committed: the committed scripts build them at test time into the run's folder under os.tmpdir(), which
 * test/helpers/global-setup.ts makes and removes. Each is built once per run, by whichever test file asks first
 * (a lock file keeps the two workers from building it twice).
 */
declare module 'vitest' {
  export interface ProvidedContext {
    derivedDir: string;
  }
}

let ownDir: string | undefined;

/** The run's folder for derived samples (one of this process's own when run without the global setup). */
export function derivedDir(): string {
  const dir = inject('derivedDir') ?? (ownDir ??= mkdtempSync(join(tmpdir(), 'budgetdoc-derived-')));
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * Whether tests of a derived sample should run: its corpus document is there and so are the commands its build runs.
 * Under CI=true a missing one makes them run and fail; elsewhere they skip with the printed reason (see shouldRun).
 */
export function derivedAvailable(name: string): boolean {
  const d = derivedSample(name);
  if (!corpusAvailable([d.from], `${name} (built at test time from the corpus)`)) return false;
  return d.needs.every((n) =>
    systemPackage(hasCommand(n.command), `${name} (built at test time with ${n.command})`, n.pkg),
  );
}

const building = new Map<string, Promise<string>>();

/** The derived sample's path, built first if this run has not built it yet. */
export function derivedFile(name: string): Promise<string> {
  let p = building.get(name);
  if (!p) {
    p = buildOnce(name, derivedDir());
    building.set(name, p);
  }
  return p;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function buildOnce(name: string, dir: string): Promise<string> {
  const out = join(dir, name);
  const lock = `${out}.lock`;
  const deadline = Date.now() + 10 * 60_000;
  while (!existsSync(out)) {
    let fd: number;
    try {
      fd = openSync(lock, 'wx');
    } catch {
      // Another worker is building it; wait for the file, or for the lock to go if that build failed.
      if (Date.now() > deadline) throw new Error(`${name}: still being built by another worker (${lock})`);
      await sleep(200);
      continue;
    }
    try {
      return await buildDerived(name, dir);
    } finally {
      closeSync(fd);
      rmSync(lock, { force: true });
    }
  }
  return out;
}

/** The sample index (bench/sample-index.ts) with this run's derived folder. */
export const testSampleIndex = (): Map<string, SampleEntry> => sampleIndex(derivedDir());

/**
 * Whether tests of a sample named in a snapshot should run: always for the project's own, for a corpus document
 * or a derived file as corpusAvailable / derivedAvailable say. An unknown name runs, and fails on its path.
 */
export function sampleAvailable(name: string, index = testSampleIndex()): boolean {
  const kind = index.get(name)?.kind;
  if (kind === 'corpus') return corpusAvailable([name], `tests of ${name}`);
  if (kind === 'derived') return derivedAvailable(name);
  return true;
}

/** A sample's path by file name, a derived one built first; throws for a name the index does not know. */
export async function samplePath(name: string, index = testSampleIndex()): Promise<string> {
  const entry = index.get(name);
  if (!entry) throw new Error(`sample ${name}: not under samples/, not a corpus sample, not a derived sample`);
  return entry.kind === 'derived' ? derivedFile(name) : entry.path;
}
