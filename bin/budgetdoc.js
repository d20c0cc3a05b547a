#!/usr/bin/env node
// Runs the compiled JavaScript in dist/ (built by `npm run build`, which `npm install` / `npm ci` run through the
// `prepare` script): no compilation at run time (issue 12). Where dist/ is missing or older than any source file (a
// checkout being edited), the TypeScript sources run through tsx instead, so a stale build is never what runs.
import { readdirSync, statSync } from 'node:fs';

const root = new URL('../', import.meta.url);

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = new URL(entry.name + (entry.isDirectory() ? '/' : ''), dir);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function buildIsCurrent() {
  try {
    const built = statSync(new URL('dist/BUILD', root)).mtimeMs;
    return ['src/', 'workers/', 'schemas/'].every((d) => newestSource(new URL(d, root)) <= built);
  } catch {
    return false;
  }
}

if (buildIsCurrent()) {
  await import('../dist/workers/cli.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../workers/cli.ts');
}
