/**
 * What must end before the process can: warm worker threads, which would keep it alive until they idle out. A module
 * registers its own when it starts something, so the CLI entry closes them without loading what it never used.
 */
const hooks = new Set<() => Promise<void>>();

export function onShutdown(hook: () => Promise<void>): void {
  hooks.add(hook);
}

export async function shutdown(): Promise<void> {
  const all = [...hooks];
  hooks.clear();
  await Promise.all(all.map((h) => h().catch(() => undefined)));
}
