import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { docxExtractor } from '../../../../src/extract/docx/index.js';
import { ctx, p, tbl, tc, tinyDocx } from './tiny-docx.js';

const ole = (rid: string) =>
  `<w:p><w:r><w:object><o:OLEObject Type="Embed" ProgID="Excel.Sheet.8" r:id="${rid}"/></w:object></w:r></w:p>`;

describe('DOCX hostile input', () => {
  it('refuses a zip bomb before inflating it', async () => {
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(20_000_000) }, { level: 9 });
    const doc = await docxExtractor.extract(bomb, ctx({ maxInflatedBytes: 1_000_000 }));
    expect(doc.status).toBe('failed');
    expect(doc.issues.map((i) => i.code)).toEqual(['zip.bomb']);
  });

  it('refuses entity declarations (billion laughs)', async () => {
    const lol =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><w:document><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>';
    const doc = await docxExtractor.extract(zipSync({ 'word/document.xml': strToU8(lol) }), ctx());
    expect(doc.status).toBe('failed');
    expect(doc.issues[0]).toMatchObject({ code: 'docx.xml_entities' });
  });

  it('refuses a relationship target that escapes the package and keeps the rest', async () => {
    const bytes = tinyDocx(p('before') + ole('rId1') + tbl([[tc('x')]], 1), [
      { id: 'rId1', type: 'oleObject', target: '../../etc/passwd' },
    ]);
    const doc = await docxExtractor.extract(bytes, ctx());
    expect(doc.issues.map((i) => i.code)).toEqual(['docx.path_traversal']);
    expect(doc.status).toBe('partial');
    expect(doc.tables.length).toBe(1);
  });

  it('clips absurd spans instead of allocating them', async () => {
    const doc = await docxExtractor.extract(tinyDocx(tbl([[tc('wide', '<w:gridSpan w:val="999999999"/>')]], 1)), ctx());
    expect(doc.issues.map((i) => i.code)).toEqual(['docx.absurd_size']);
    expect(doc.tables[0]!.nCols).toBe(1000);
  });

  it('reports a missing object part and bytes that are not a package', async () => {
    const missing = await docxExtractor.extract(
      tinyDocx(ole('rId1'), [{ id: 'rId1', type: 'oleObject', target: 'embeddings/oleObject9.bin' }]),
      ctx(),
    );
    expect(missing.issues.map((i) => i.code)).toEqual(['docx.missing_part']);
    const junk = await docxExtractor.extract(new Uint8Array([1, 2, 3, 4]), ctx());
    expect(junk.status).toBe('failed');
    const noDoc = await docxExtractor.extract(zipSync({ 'a.txt': strToU8('x') }), ctx());
    expect(noDoc.issues[0]!.code).toBe('docx.no_document');
  });
});
