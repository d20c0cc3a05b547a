import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { type Command, InvalidArgumentError } from 'commander';
import type { Stores } from '../store/open.js';

/**
 * The one exit-code table of every verb (issue 14: "exit codes differ for the same kind of error"). A verb that ran
 * to its end exits 0 or 1; one that could not run (a bad option, a missing store, an unreadable config) exits 2.
 */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** Printed after the program's --help and repeated in README (Exit codes). */
export const EXIT_CODES_HELP = `
Exit codes (every verb):
  0  ok
  1  documents failed (a file that cannot be read counts as failed), or checks failed with --strict
  2  usage or input error: unknown option, invalid value, missing store or config; nothing was done

Durations take a unit: 500ms, 30s, 10m, 2h (a bare number is seconds).

Environment:
  BUDGETDOC_HOME   embedded store directory (default ./.budgetdoc), what --data-dir defaults to
  DATABASE_URL     PostgreSQL instead of the embedded store
  REDIS_URL        run ingest on BullMQ workers
  LOG_LEVEL        pino log level on stderr (fatal, error, warn, info, debug; default warn for ingest)`;

const UNITS: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600 };

/**
 * A positive duration in seconds: `500ms`, `30s`, `10m`, `2h`, or a bare number of seconds. Every time option of
 * every verb goes through here, so `--timeout 30` means the same everywhere (issue 14: seconds in one verb,
 * milliseconds in another; `--timeout abc` stored a good file as failed "after NaN s").
 */
export function parseDuration(value: string): number {
  const m = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*(ms|s|m|h)?\s*$/i.exec(value);
  const seconds = m ? Number(m[1]) * UNITS[(m[2] ?? 's').toLowerCase()]! : Number.NaN;
  if (!(seconds > 0))
    throw new InvalidArgumentError(
      'expected a positive duration: a number of seconds or one with a unit (500ms, 30s, 10m, 2h)',
    );
  return seconds;
}

/** A whole number at least `min` (commander argParser): `--max-pages 0x` is refused before anything runs. */
export function wholeNumber(min = 0): (value: string) => number {
  return (value) => {
    const n = /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(n) || n < min)
      throw new InvalidArgumentError(`expected a whole number${min > 0 ? ` of at least ${min}` : ''}`);
    return n;
  };
}

/** A flag's raw value through one of the parsers above, for values checked after commander (a --site file's bounds). */
export function checked<T>(flag: string, value: string | undefined, parse: (v: string) => T): T | undefined {
  if (value === undefined) return undefined;
  try {
    return parse(value);
  } catch (err) {
    throw new Error(`${flag}: ${(err as Error).message}, not ${JSON.stringify(value)}`);
  }
}

/** `--concurrency <n>`: documents at once; the default is one per core (os.availableParallelism). */
export function concurrencyOption(cmd: Command, what: string): Command {
  return cmd.option(
    '--concurrency <n>',
    `${what} at once (default: one per core)`,
    wholeNumber(1),
    availableParallelism(),
  );
}

/** How much a verb prints on stderr besides errors. */
export type Verbosity = 'quiet' | 'normal' | 'verbose';

export function verbosityOptions(cmd: Command, opts: { logs?: boolean } = {}): Command {
  return cmd
    .option('-q, --quiet', 'print nothing on stderr but failures and errors')
    .option(
      '-v, --verbose',
      `print more on stderr: each document with its timing and issue codes${opts.logs ? '; info logs' : ''}`,
    );
}

export function verbosityOf(flags: { quiet?: boolean; verbose?: boolean }): Verbosity {
  if (flags.quiet && flags.verbose) throw new Error('--quiet and --verbose exclude each other');
  return flags.quiet ? 'quiet' : flags.verbose ? 'verbose' : 'normal';
}

/** The pino level for a verbosity; LOG_LEVEL wins when set. */
export function logLevelOf(v: Verbosity): string {
  return process.env.LOG_LEVEL || (v === 'verbose' ? 'info' : v === 'quiet' ? 'error' : 'warn');
}

export interface StoreFlags {
  dataDir?: string;
  databaseUrl?: string;
  quiet?: boolean;
}

/** --data-dir / --database-url, defaulting to BUDGETDOC_HOME and DATABASE_URL. */
export function storeOptions(cmd: Command): Command {
  return cmd
    .option('--data-dir <dir>', 'embedded store directory (PGlite + blobs)', defaultDataDir())
    .option(
      '--database-url <url>',
      'PostgreSQL URL (records and blobs); embedded store when absent',
      process.env.DATABASE_URL,
    );
}

const defaultDataDir = () => process.env.BUDGETDOC_HOME || '.budgetdoc';

/** Where the flags point, as printed: the embedded directory, or the PostgreSQL URL without its password. */
export function storeLocation(flags: StoreFlags): string {
  if (flags.databaseUrl) {
    try {
      const u = new URL(flags.databaseUrl);
      if (u.password) u.password = '***';
      return `${u.toString()} (PostgreSQL)`;
    } catch {
      return '(PostgreSQL)';
    }
  }
  const dir = flags.dataDir ?? defaultDataDir();
  return dir === 'memory://' ? 'memory:// (embedded, in memory)' : `${resolve(dir)} (embedded)`;
}

/** The store flags a follow-up command needs to reach the same store (none when it is the default). */
export function storeArgs(flags: StoreFlags): string {
  if (flags.databaseUrl) return flags.databaseUrl === process.env.DATABASE_URL ? '' : ' --database-url URL';
  const dir = flags.dataDir ?? defaultDataDir();
  return dir === defaultDataDir() ? '' : ` --data-dir ${/\s/.test(dir) ? JSON.stringify(dir) : dir}`;
}

/**
 * Opens the store the flags name and prints where it is on stderr. Only `ingest`, `crawl` and `worker` may create
 * one (`create: true`); every other verb run in the wrong folder says so instead of creating an empty store and
 * reporting 0 records (issue 14). `existing` is the default and kept for callers that spell it out.
 */
export async function openFromFlags(
  flags: StoreFlags,
  opts: { create?: boolean; existing?: boolean } = {},
): Promise<Stores> {
  const dataDir = flags.dataDir ?? defaultDataDir();
  const mustExist = !opts.create || opts.existing === true;
  if (mustExist && !flags.databaseUrl && !dataDir.includes('://') && !existsSync(join(dataDir, 'db')))
    throw new Error(`no store at ${resolve(dataDir)}: ingest first, or pass --data-dir / --database-url`);
  if (!flags.quiet) process.stderr.write(`store: ${storeLocation(flags)}\n`);
  // The store (PGlite's WebAssembly, the schema) loads only for a verb that opens one.
  const { openStores } = await import('../store/open.js');
  return openStores({
    ...(flags.databaseUrl ? { databaseUrl: flags.databaseUrl } : {}),
    dataDir,
  });
}
