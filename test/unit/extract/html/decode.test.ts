import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeHtml } from '../../../../src/extract/html/decode.js';

const page = (charsetMeta: string, body: string) =>
  `<html><head>${charsetMeta}<title>t</title></head><body>${body}</body></html>`;
const TEXT = '部门整体支出绩效目标表 发布时间:2023-07-18 ≥ “三公经费”';

describe('HTML decoding', () => {
  it('decodes a GBK page declared gb2312 (GB18030 decodes the GBK extensions too)', () => {
    const bytes = iconv.encode(
      page('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', TEXT),
      'gbk',
    );
    const d = decodeHtml(bytes);
    expect(d.text).toContain(TEXT);
    expect(d.charset).toBe('gb18030');
    expect(d.issues).toEqual([]);
  });

  it('decodes a UTF-8 page declared with <meta charset>', () => {
    const d = decodeHtml(Buffer.from(page('<meta charset="utf-8">', TEXT), 'utf8'));
    expect(d.text).toContain(TEXT);
    expect(d.charset).toBe('utf-8');
  });

  it('lets the server Content-Type win over the page', () => {
    const bytes = iconv.encode(page('<meta charset="utf-8">', TEXT), 'gbk');
    const d = decodeHtml(bytes, 'text/html; charset=GBK');
    expect(d.text).toContain(TEXT);
  });

  it('falls back to GB18030 with an issue when a page claims UTF-8 but is GBK', () => {
    const d = decodeHtml(iconv.encode(page('<meta charset="utf-8">', TEXT), 'gbk'));
    expect(d.text).toContain(TEXT);
    expect(d.issues.map((i) => i.code)).toEqual(['html.charset_mismatch']);
  });

  it('guesses an undeclared page: UTF-8 when valid, else GB18030 with an issue', () => {
    expect(decodeHtml(Buffer.from(page('', TEXT))).text).toContain(TEXT);
    const gbk = decodeHtml(iconv.encode(page('', TEXT), 'gbk'));
    expect(gbk.text).toContain(TEXT);
    expect(gbk.issues.map((i) => i.code)).toEqual(['html.charset_guessed']);
  });

  it('honours a UTF-8 byte order mark', () => {
    const d = decodeHtml(
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), iconv.encode(page('<meta charset="gbk">', TEXT), 'utf8')]),
    );
    expect(d.text).toContain(TEXT);
  });
});
