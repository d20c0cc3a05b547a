/**
 * Builds the auditor's test sample (issue 13) from seed 001: the 决算 as printed (original.pdf, the no-false-alarm
 * case) and the same document with the errors of plant.ts planted (planted.pdf), plus planted.json naming each
 * planted error, the rules that must report it and the page it is printed on.
 * Usage: npx tsx scripts/planted-errors/build.ts <out-dir>   (tests build into a temporary directory)
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { seedFinal } from './final-document.js';
import { planted, plant } from './plant.js';
import { printFinal } from './print.js';

export interface PlantedSample {
  original: string;
  planted: string;
  errors: Array<{ id: string; what: string; rules: string[]; page: number | null }>;
}

const squeeze = (s: string) => s.replace(/\s+/g, '').replace(/：/g, ':');

/** The one page that prints a marker; a marker printed on several pages or none is a broken plant. */
function pageOf(pages: string[], marker: string): number | null {
  if (marker === '') return null;
  const hits = pages.flatMap((p, i) => (squeeze(p).includes(squeeze(marker)) ? [i + 1] : []));
  if (hits.length !== 1) throw new Error(`marker '${marker}' is printed on ${hits.length} pages`);
  return hits[0]!;
}

export async function buildPlantedSample(dir: string): Promise<PlantedSample> {
  await mkdir(dir, { recursive: true });
  const original = await printFinal(seedFinal());
  const changed = await printFinal(plant(seedFinal()));
  const out: PlantedSample = {
    original: join(dir, 'yangling-2019-final-original.pdf'),
    planted: join(dir, 'yangling-2019-final-planted.pdf'),
    errors: planted.map((p) => ({ id: p.id, what: p.what, rules: p.rules, page: pageOf(changed.pages, p.marker) })),
  };
  await writeFile(out.original, original.bytes);
  await writeFile(out.planted, changed.bytes);
  await writeFile(join(dir, 'planted.json'), `${JSON.stringify(out.errors, null, 2)}\n`);
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: build.ts <out-dir>');
  const s = await buildPlantedSample(dir);
  process.stdout.write(`${s.original}\n${s.planted}\n${s.errors.length} planted errors\n`);
}
