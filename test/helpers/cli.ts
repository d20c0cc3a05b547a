import { type ChildProcessWithoutNullStreams, execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);
/** No external services, so the binary uses the embedded store and the in-process queue. */
const env = { ...process.env, DATABASE_URL: '', REDIS_URL: '', LOG_LEVEL: 'warn' };

const exec = (args: string[]) => run('node', ['bin/budgetdoc.js', ...args], { env, maxBuffer: 64 << 20 });

export type CliResult = { code: number; stdout: string; stderr: string };

/**
 * The real binary, asynchronously (a fixture server in this process can answer meanwhile);
 * rejects on a non-zero exit.
 */
export async function budgetdocStdout(args: string[]): Promise<string> {
  const { stdout } = await exec(args);
  return stdout;
}

/** The real binary; never rejects: the exit code comes back with both streams. */
export async function budgetdoc(args: string[]): Promise<CliResult> {
  try {
    const { stdout, stderr } = await exec(args);
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as CliResult;
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/**
 * The binary as a running process, for what needs it while it runs: stdin fed by the test, stdout read as it
 * arrives (extract's streaming).
 */
export function budgetdocProcess(args: string[]): ChildProcessWithoutNullStreams {
  return spawn('node', ['bin/budgetdoc.js', ...args], { env });
}
