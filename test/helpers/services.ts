import { spawnSync } from 'node:child_process';
import net from 'node:net';
import { randomBytes } from 'node:crypto';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
export const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

function reachable(url: string, defaultPort: number): Promise<boolean> {
  const u = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: u.hostname, port: Number(u.port || defaultPort) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * Whether a test that needs something outside the repository should run: in CI (CI=true) a missing
 * service or system package is a failure, not a skip, so this says run and the caller's test fails
 * loudly. Elsewhere the test skips with the printed reason.
 */
export function shouldRun(present: boolean, skipReason: string): boolean {
  if (!present && !process.env.CI) console.warn(`skipping: ${skipReason}`);
  return present || Boolean(process.env.CI);
}

/** Whether a service the test needs is up (see shouldRun for CI). */
export async function serviceUp(name: 'redis' | 'postgres'): Promise<boolean> {
  const ok = name === 'redis' ? await reachable(REDIS_URL, 6379) : await reachable(DATABASE_URL, 5432);
  const env = name === 'redis' ? 'REDIS_URL' : 'DATABASE_URL';
  return shouldRun(ok, `${name} tests: ${name} is not reachable (set ${env})`);
}

/** Whether a command of a system package can be run (it is on PATH): `hasCommand('pdftoppm')`. */
export const hasCommand = (command: string, probe = ['-v']): boolean =>
  !spawnSync(command, probe, { stdio: 'ignore' }).error;

/** Whether the Debian packages a test needs are installed (see shouldRun; scripts/install-system-deps.sh adds them). */
export function systemPackage(present: boolean, what: string, packages: string): boolean {
  return shouldRun(present, `${what}: needs ${packages} (bash scripts/install-system-deps.sh)`);
}

export function uniqueName(prefix: string): string {
  return `${prefix}_${randomBytes(4).toString('hex')}`;
}

/** A PostgreSQL URL whose search_path is a fresh schema, so tests never see each other's rows. */
export async function freshSchemaUrl(): Promise<{ url: string; drop(): Promise<void> }> {
  const pg = (await import('pg')).default;
  const schema = uniqueName('bdtest');
  const admin = new pg.Client({ connectionString: DATABASE_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const u = new URL(DATABASE_URL);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: u.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: DATABASE_URL });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    },
  };
}
