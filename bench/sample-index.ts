import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every file under dir by its bare file name: record snapshots are named after their sample
 * (test/snapshots/records/<sample file name>.expected.json), whatever folder the sample sits in.
 * Used by the snapshot records tests.
 */
export function samplesByName(dir: string, out = new Map<string, string>()): Map<string, string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) samplesByName(path, out);
    else out.set(name, path);
  }
  return out;
}
