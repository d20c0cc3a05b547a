import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeConvertExtractor } from '../../../../src/extract/convert/index.js';
import { convertWithSoffice, findSoffice } from '../../../../src/extract/convert/soffice.js';
import { defaultLimits } from '../../../../src/extract/types.js';
import { systemPackage } from '../../../helpers/services.js';

const source = (fileName: string) => ({
  id: 'abc',
  url: `file:${fileName}`,
  fetchedAt: '2026-01-01T00:00:00Z',
  mediaType: 'application/msword',
  size: 0,
  fileName,
});
const ctx = (fileName: string) => ({ source: source(fileName), limits: { ...defaultLimits, ocr: false } });
// A Compound File header with a 'WordDocument' stream name is enough for sniffing to say .doc.
const fakeDoc = Buffer.concat([
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
  Buffer.from('WordDocument', 'utf16le'),
]);

const soffice = findSoffice();
const runConversion = systemPackage(soffice !== undefined, 'convert.test .doc conversion', 'libreoffice-writer-nogui');
const tmp = mkdtempSync(join(tmpdir(), 'convert-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('convertExtractor', () => {
  it('fails clearly when LibreOffice is absent', async () => {
    const doc = await makeConvertExtractor({ soffice: null }).extract(fakeDoc, ctx('a.doc'));
    expect(doc.status).toBe('failed');
    expect(doc.format).toBe('doc');
    expect(doc.issues[0]).toMatchObject({ code: 'extract.unsupported' });
    expect(doc.issues[0]!.message).toContain('needs LibreOffice');
  });

  it('finds nothing on an empty PATH', () => {
    expect(findSoffice('')).toBeUndefined();
  });

  it('kills a conversion that hangs and reports the time limit', async () => {
    const hang = join(tmp, 'soffice-hang');
    writeFileSync(hang, '#!/bin/sh\nsleep 30 & wait\n');
    chmodSync(hang, 0o755);
    const started = Date.now();
    const doc = await makeConvertExtractor({ soffice: hang, timeoutMs: 300 }).extract(fakeDoc, ctx('a.doc'));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(doc.status).toBe('failed');
    expect(doc.issues[0]!.code).toBe('convert.timeout');
  });

  it.skipIf(!runConversion)('converts a .doc with LibreOffice and reads its tables with merges', async () => {
    expect(soffice, 'LibreOffice (soffice) on PATH').toBeDefined();
    const docx = readFileSync('samples/docx/kaili-2021-perf-target.docx');
    const doc97 = await convertWithSoffice(docx, { soffice: soffice!, from: 'docx', to: 'doc', timeoutMs: 120_000 });
    const out = await makeConvertExtractor().extract(doc97, ctx('kaili.doc'));
    expect(out.format).toBe('doc');
    expect(out.tables.length).toBe(4);
    const first = out.tables[0]!;
    expect(first.cells.find((c) => c.text === '凯里市人大常委会办公室')).toMatchObject({ row: 0, col: 2, colSpan: 6 });
    expect(first.context.some((l) => l.includes('绩申表--1'))).toBe(true);
  });
});
