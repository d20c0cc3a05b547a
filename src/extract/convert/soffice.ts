import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { PermanentError } from '../../model/errors.js';

/** The LibreOffice binary on PATH, if any. */
export function findSoffice(path = process.env.PATH ?? ''): string | undefined {
  for (const dir of path.split(delimiter).filter(Boolean)) {
    for (const name of ['soffice', 'libreoffice']) {
      const full = join(dir, name);
      try {
        accessSync(full, constants.X_OK);
        return full;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

export interface ConvertOptions {
  soffice: string;
  /** Extension of the input ('doc', 'wps', 'et'); LibreOffice picks its import filter from it. */
  from: string;
  /** Target format for --convert-to ('docx', 'xlsx'). */
  to: string;
  timeoutMs: number;
  signal?: AbortSignal;
}

/**
 * Converts one file with a headless LibreOffice. Each run gets its own profile directory
 * (-env:UserInstallation), so parallel conversions never share or lock a profile, and runs in
 * its own process group, so a hung conversion is killed whole (soffice forks soffice.bin).
 */
export async function convertWithSoffice(bytes: Uint8Array, opts: ConvertOptions): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), 'budgetdoc-soffice-'));
  try {
    const input = join(dir, `input.${opts.from}`);
    await writeFile(input, bytes);
    const args = [
      `-env:UserInstallation=file://${join(dir, 'profile')}`,
      '--headless',
      '--norestore',
      '--nolockcheck',
      '--convert-to',
      opts.to,
      '--outdir',
      join(dir, 'out'),
      input,
    ];
    await new Promise<void>((resolve, reject) => {
      const child = spawn(opts.soffice, args, { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
      const kill = (): void => {
        if (child.pid) {
          try {
            process.kill(-child.pid, 'SIGKILL');
          } catch {
            // already gone
          }
        }
      };
      const timer = setTimeout(() => {
        kill();
        reject(new PermanentError('convert.timeout', `LibreOffice did not finish within ${opts.timeoutMs} ms`));
      }, opts.timeoutMs);
      const onAbort = (): void => {
        kill();
        reject(new PermanentError('convert.aborted', 'conversion aborted'));
      };
      opts.signal?.addEventListener('abort', onAbort, { once: true });
      child.on('error', (err) => {
        clearTimeout(timer);
        reject(new PermanentError('convert.failed', `cannot run ${opts.soffice}: ${err.message}`));
      });
      child.on('close', (code) => {
        clearTimeout(timer);
        opts.signal?.removeEventListener('abort', onAbort);
        if (code === 0) resolve();
        else reject(new PermanentError('convert.failed', `LibreOffice exited with ${code}: ${stderr.trim()}`));
      });
    });
    try {
      return await readFile(join(dir, 'out', `input.${opts.to}`));
    } catch {
      throw new PermanentError(
        'convert.failed',
        `LibreOffice produced no ${opts.to} (the file may be corrupt or not a ${opts.from} file)`,
      );
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
