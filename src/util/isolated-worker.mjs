// Thread entry of the isolated pool (isolated-pool.ts). Under the TypeScript sources (dev, tests) the thread
// registers tsx, as bin/budgetdoc.js does for the main thread; under the compiled dist/ there is nothing to load.
import { existsSync } from 'node:fs';

if (existsSync(new URL('./isolated-pool.ts', import.meta.url))) {
  const { register } = await import('tsx/esm/api');
  register();
}

const modules = new Map();

/** Runs one IsolatedCall: the module stays loaded in this thread for the next document. */
export default async function run({ module, fn, args }) {
  let mod = modules.get(module);
  if (!mod) {
    mod = await import(module);
    modules.set(module, mod);
  }
  if (typeof mod[fn] !== 'function') throw new Error(`${module} exports no function ${fn}`);
  return mod[fn](...args);
}
