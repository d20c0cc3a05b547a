import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { docxExtractor } from '../../src/extract/docx/index.js';
import { xmlShape } from '../../src/extract/docx/package.js';
import { readWorkbookTables } from '../../src/extract/xlsx/workbook.js';
import { unzipChecked } from '../../src/util/zip-checked.js';
import { deflated, writeZip } from '../../scripts/hostile-corpus/zip-writer.js';
import { ctx, p, tbl, tc, tinyDocx } from './extract/docx/tiny-docx.js';

/** Issue 16: declared and actual inflated sizes, XML depth and size, and grid area in the OOXML readers. */
describe('unzipChecked: both sizes checked', () => {
  const xml = strToU8(`<?xml version="1.0"?><x>${'<y/>'.repeat(50_000)}</x>`);
  const limits = { maxTotalBytes: 1_000_000 };

  it('reads an honest package, and only the entries asked for', () => {
    const zip = zipSync({ 'a.xml': xml, 'media/b.bin': new Uint8Array(1000).fill(7) });
    const out = unzipChecked(zip, (n) => n.endsWith('.xml'), limits);
    expect([...out.keys()]).toEqual(['a.xml']);
    expect(out.get('a.xml')).toEqual(xml);
  });

  it('stops an entry that inflates past what it declares, before the rest is inflated', () => {
    const lying = { ...deflated('a.xml', xml), declaredSize: 1000 };
    expect(() => unzipChecked(writeZip([lying]), () => true, limits)).toThrow(
      expect.objectContaining({
        code: 'zip.size_mismatch',
        message: expect.stringMatching(/inflates past the 1000 bytes/),
      }),
    );
    // Even one the caller does not keep: SheetJS would inflate it again without a limit.
    const media = { ...deflated('xl/media/x.bin', xml), declaredSize: 10 };
    expect(() =>
      unzipChecked(writeZip([deflated('a.xml', strToU8('<x/>')), media]), (n) => n === 'a.xml', limits),
    ).toThrow(expect.objectContaining({ code: 'zip.size_mismatch' }));
  });

  it('refuses declared totals over the limit, ZIP64 claims, too many entries and climbing names before inflating', () => {
    const honest = writeZip([deflated('a.xml', xml)]);
    expect(() => unzipChecked(honest, () => true, { maxTotalBytes: 1000 })).toThrow(
      expect.objectContaining({ code: 'zip.bomb' }),
    );
    const zip64 = writeZip([{ ...deflated('a.xml', xml), declaredSize: 0xffffffff }]);
    expect(() => unzipChecked(zip64, () => true, limits)).toThrow(expect.objectContaining({ code: 'zip.bomb' }));
    const many = zipSync(Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`e${i}.xml`, strToU8('<x/>')])));
    expect(() => unzipChecked(many, () => true, { ...limits, maxEntries: 20 })).toThrow(
      expect.objectContaining({ code: 'zip.too_many_entries' }),
    );
    const slip = writeZip([deflated('../../tmp/x.txt', strToU8('x'))]);
    expect(() => unzipChecked(slip, () => true, limits)).toThrow(
      expect.objectContaining({ code: 'zip.path_traversal' }),
    );
  });

  it('names damage: a missing directory, a data offset past the end, an unknown method, a smaller entry', () => {
    const entry = deflated('a.xml', xml);
    expect(() => unzipChecked(writeZip([entry], { omitDirectory: true }), () => true, limits)).toThrow(
      expect.objectContaining({ code: 'zip.corrupt' }),
    );
    expect(() => unzipChecked(writeZip([{ ...entry, declaredCompressed: 0xfffff0 }]), () => true, limits)).toThrow(
      expect.objectContaining({ code: 'zip.corrupt' }),
    );
    expect(() => unzipChecked(writeZip([{ ...entry, method: 99 }]), () => true, limits)).toThrow(
      expect.objectContaining({ code: 'zip.unsupported_method' }),
    );
    expect(() => unzipChecked(writeZip([{ ...entry, declaredSize: xml.length + 10 }]), () => true, limits)).toThrow(
      expect.objectContaining({ code: 'zip.size_mismatch' }),
    );
  });
});

describe('DOCX bounds', () => {
  it('fails a table whose spans would cover more than a million grid positions, never allocating them', async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => [tc(`${i}`, '<w:gridSpan w:val="100000000"/>')]);
    const doc = await docxExtractor.extract(tinyDocx(tbl(rows, 1)), ctx()).catch((e: unknown) => e);
    expect(doc).toMatchObject({ code: 'docx.table_too_large' });
    // 1 row of 1000 columns stays a clipped table with a warning.
    const wide = await docxExtractor.extract(tinyDocx(tbl([[tc('x', '<w:gridSpan w:val="100000000"/>')]], 1)), ctx());
    expect(wide.issues.map((i) => i.code)).toEqual(['docx.absurd_size']);
  });

  it('refuses parts nested deeper than 500 levels before parsing them, and counts their elements', async () => {
    const deep = `${'<w:tbl><w:tr><w:tc>'.repeat(400)}${p('x')}${'</w:tc></w:tr></w:tbl>'.repeat(400)}`;
    await expect(docxExtractor.extract(tinyDocx(deep), ctx())).resolves.toMatchObject({
      status: 'failed',
      issues: [expect.objectContaining({ code: 'docx.too_deep' })],
    });
    expect(xmlShape('<?xml version="1.0"?><a><b/><!-- <c> --><c><d></d></c></a>')).toEqual({ depth: 3, elements: 4 });
  });

  it('finds a DOCTYPE in a UTF-16 part', async () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document/>';
    const utf16 = new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]));
    const doc = await docxExtractor.extract(zipSync({ 'word/document.xml': utf16 }), ctx());
    expect(doc.issues[0]).toMatchObject({ code: 'docx.xml_entities' });
  });
});

describe('XLSX bounds', () => {
  it('finds a DOCTYPE after a long comment, past the first 4 KB', () => {
    const sheet = `<?xml version="1.0"?><!--${' '.repeat(8192)}--><!DOCTYPE worksheet [<!ENTITY x SYSTEM "file:///etc/passwd">]><worksheet/>`;
    const out = readWorkbookTables(
      zipSync({ 'xl/workbook.xml': strToU8('<workbook/>'), 'xl/worksheets/sheet1.xml': strToU8(sheet) }),
      {
        sourceId: 's',
        idPrefix: '',
        maxInflatedBytes: 1_000_000,
      },
    );
    expect(out.issues.map((i) => i.code)).toEqual(['xlsx.xml_entities']);
  });
});
