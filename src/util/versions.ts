import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Versions recorded in provenance and `versions`, read from the installed packages' package.json at run time, so a
 * record names the library that really read it (an upgrade or a stray install cannot leave a stale string behind).
 */
const require = createRequire(import.meta.url);

interface Manifest {
  name?: string;
  version?: string;
}

/** The version in the nearest package.json named `name` at or above `dir`. */
function versionAbove(dir: string, name: string): string {
  for (let d = dir; ; d = dirname(d)) {
    try {
      const m = JSON.parse(readFileSync(join(d, 'package.json'), 'utf8')) as Manifest;
      // Builds carry their own package.json ({"type": "commonjs"} in dist/): only the package's own one counts.
      if (m.name === name && m.version) return m.version;
    } catch {
      // no package.json here
    }
    if (dirname(d) === d) throw new Error(`no package.json of ${name} above ${dir}`);
  }
}

/** The installed version of a dependency. */
export function installedVersion(name: string): string {
  try {
    return (require(`${name}/package.json`) as Manifest).version!;
  } catch {
    // An `exports` map that does not list ./package.json (@e965/xlsx): walk up from the main entry instead.
    return versionAbove(dirname(require.resolve(name)), name);
  }
}

export const BUDGETDOC_VERSION = versionAbove(dirname(fileURLToPath(import.meta.url)), 'budgetdoc');
export const PDFJS_VERSION = installedVersion('pdfjs-dist');
export const CHEERIO_VERSION = installedVersion('cheerio');
export const TESSERACT_VERSION = installedVersion('tesseract.js');
export const SHEETJS_VERSION = installedVersion('@e965/xlsx');
