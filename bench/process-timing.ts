import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One run of a whole process: wall-clock seconds and peak RSS of the process tree's largest member, MB. */
export interface ProcessRun {
  seconds: number;
  peakRssMb: number;
  stdout: string;
}

/**
 * Runs a command as a process of its own under GNU time (Debian's `time` package), which reports the wall-clock time
 * and the peak resident set size the kernel measured: what a user waits for and what the machine must hold.
 */
export function timeProcess(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): ProcessRun {
  if (!existsSync('/usr/bin/time')) throw new Error('the bench needs GNU time at /usr/bin/time (apt-get install time)');
  const dir = mkdtempSync(join(tmpdir(), 'budgetdoc-bench-'));
  const report = join(dir, 'time');
  try {
    const res = spawnSync('/usr/bin/time', ['-o', report, '-f', '%e %M', cmd, ...args], {
      env,
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    });
    if (res.status !== 0 && res.status !== 1)
      throw new Error(`${cmd} ${args.slice(0, 3).join(' ')} … exited ${res.status}: ${res.stderr.slice(-2000)}`);
    const [seconds, kb] = readFileSync(report, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
    return { seconds: seconds!, peakRssMb: Math.round(kb! / 1024), stdout: res.stdout };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** `npm run build`, so that the bench times the compiled program a fresh install runs (bin/budgetdoc.js → dist/). */
export function buildDist(): void {
  execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
}
