// Second half of `npm run build` (after tsc -p tsconfig.build.json): the files the compiled code loads beside itself
// (divisions.json, the thread entries *.mjs / *.cjs, the viewer's static pages src/serve/static/*) copied into dist/, and the stamp bin/budgetdoc.js reads to know
// the build is complete. Plain JavaScript: it runs before anything is compiled.
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const ASSET = /\.(json|mjs|cjs|html|css)$|\/static\/[^/]+\.js$/;

function walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (ASSET.test(path)) {
      const to = join('dist', path);
      mkdirSync(dirname(to), { recursive: true });
      copyFileSync(path, to);
    }
  }
}

for (const root of ['src', 'workers', 'schemas']) walk(root);
writeFileSync(join('dist', 'BUILD'), `${new Date().toISOString()}\n`);
