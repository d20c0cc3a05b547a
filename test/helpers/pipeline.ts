import { mkdtempSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultLimits } from '../../src/extract/types.js';
import type { PipelineDeps } from '../../src/pipeline/handlers.js';
import type { Stores } from '../../src/store/open.js';
import { silentLogger } from '../../src/util/log.js';

export const HTML_SAMPLE = 'samples/html/hongjiang-2023-gov-office-dept-target.html';

export function depsOf(stores: Stores): PipelineDeps {
  return { blobs: stores.blobs, records: stores.records, limits: { ...defaultLimits, ocr: false }, log: silentLogger };
}

/** A folder with the HTML sample twice (two names, same bytes) and one garbage file. */
export function inputFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'budgetdoc-in-'));
  copyFileSync(HTML_SAMPLE, join(dir, 'a.html'));
  copyFileSync(HTML_SAMPLE, join(dir, 'copy-of-a.html'));
  writeFileSync(join(dir, 'broken.pdf'), Buffer.alloc(300, 0x41));
  writeFileSync(join(dir, 'SOURCES.md'), '# not a document\n');
  return dir;
}
