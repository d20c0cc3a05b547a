import JSZip from 'jszip';
import iconv from 'iconv-lite';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { attachmentName, contentDispositionName } from '../../../src/crawl/file-name.js';
import { Frontier } from '../../../src/crawl/frontier.js';
import { adHocConfig, parseSiteConfig } from '../../../src/crawl/site-config.js';
import { HostPolicy, normaliseUrl } from '../../../src/crawl/url.js';
import { zipMembers } from '../../../src/crawl/zip-members.js';

describe('attachment names', () => {
  it('prefers Content-Disposition (RFC 5987, then GBK bytes), then link text plus extension, then the URL', () => {
    expect(contentDispositionName(`attachment; filename*=UTF-8''${encodeURIComponent('预算表.xls')}`)).toBe(
      '预算表.xls',
    );
    const gbkHeader = `attachment; filename="${iconv.encode('决算.pdf', 'gbk').toString('latin1')}"`;
    expect(contentDispositionName(gbkHeader)).toBe('决算.pdf');
    expect(attachmentName('http://a.cn/u/1001.pdf', '2024年部门决算')).toBe('2024年部门决算.pdf');
    expect(attachmentName('http://a.cn/u/1001.pdf', '2024年部门决算.pdf')).toBe('2024年部门决算.pdf');
    expect(attachmentName('http://a.cn/dl.jsp?id=3', '附件：表/一', 'application/vnd.ms-excel')).toBe(
      '附件：表_一.xls',
    );
    expect(attachmentName('http://a.cn/u/1001.pdf', '点击下载')).toBe('1001.pdf');
  });
});

describe('zipMembers', () => {
  it('decodes GBK member names, skips folders and __MACOSX, and keeps UTF-8-flagged names', async () => {
    const zip = new JSZip();
    zip.file('附件/一.pdf', '%PDF-1.4');
    zip.file('__MACOSX/._一.pdf', 'x');
    const gbk = await zip.generateAsync({
      type: 'uint8array',
      encodeFileName: (s: string) => iconv.encode(s, 'gbk') as unknown as string,
    });
    expect(zipMembers(gbk, { maxEntries: 10, maxTotalBytes: 1000 }).map((m) => m.name)).toEqual(['附件/一.pdf']);
    const utf8 = zipSync({ '二.docx': new Uint8Array([1, 2]) });
    const [m] = zipMembers(utf8, { maxEntries: 10, maxTotalBytes: 1000 });
    expect(m).toMatchObject({ name: '二.docx', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('refuses archives over the limits', () => {
    const bomb = zipSync({ 'a.xls': new Uint8Array(5000) });
    expect(() => zipMembers(bomb, { maxEntries: 10, maxTotalBytes: 1000 })).toThrow(
      expect.objectContaining({ code: 'zip.bomb' }),
    );
    const many = zipSync(Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`${i}.pdf`, new Uint8Array(1)])));
    expect(() => zipMembers(many, { maxEntries: 3, maxTotalBytes: 1000 })).toThrow(
      expect.objectContaining({ code: 'zip.too_many_entries' }),
    );
    const truncated = zipSync({ 'a.pdf': new Uint8Array(100) }).subarray(0, 60);
    expect(() => zipMembers(truncated, { maxEntries: 3, maxTotalBytes: 1000 })).toThrow(
      expect.objectContaining({ code: 'zip.corrupt' }),
    );
  });

  it('stops a member that inflates past the size its header declares (issue 16: a bomb that lies)', () => {
    const zip = zipSync({ 'a.pdf': new Uint8Array(100_000) });
    // The central directory's uncompressed size (offset 24 of its entry) says 100 bytes; the data inflates to 100 KB.
    const dir = Buffer.from(zip).lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    new DataView(zip.buffer, zip.byteOffset).setUint32(dir + 24, 100, true);
    expect(() => zipMembers(zip, { maxEntries: 10, maxTotalBytes: 1_000_000 })).toThrow(
      expect.objectContaining({ code: 'zip.size_mismatch' }),
    );
  });
});

describe('frontier and config', () => {
  it('dedupes by normalised URL and enforces page, pagination and document bounds', () => {
    const f = new Frontier({ maxPages: 3, maxDocuments: 1, maxListingPages: 1 });
    expect(f.push({ url: 'http://A.gov.cn:80/x.html#top', depth: 0, role: 'listing', discovery: {} })).toBe('queued');
    expect(f.push({ url: 'http://a.gov.cn/x.html', depth: 1, role: 'page', discovery: {} })).toBe('seen');
    expect(
      f.push({ url: 'http://a.gov.cn/index_1.html', depth: 0, role: 'listing', discovery: {}, pagination: true }),
    ).toBe('queued');
    expect(
      f.push({ url: 'http://a.gov.cn/index_2.html', depth: 0, role: 'listing', discovery: {}, pagination: true }),
    ).toBe('listing_page_limit');
    expect(f.push({ url: 'http://a.gov.cn/y.html', depth: 1, role: 'page', discovery: {} })).toBe('queued');
    expect(f.push({ url: 'http://a.gov.cn/z.html', depth: 1, role: 'page', discovery: {} })).toBe('page_limit');
    expect(f.push({ url: 'http://a.gov.cn/1.pdf', depth: 1, role: 'document', discovery: {} })).toBe('queued');
    expect(f.push({ url: 'http://a.gov.cn/2.pdf', depth: 1, role: 'document', discovery: {} })).toBe('document_limit');
    expect(normaliseUrl('HTTP://A.gov.cn:80/x#y')).toBe('http://a.gov.cn/x');
  });

  it('allows only the listed hosts (subdomains with a leading dot) over http(s)', () => {
    const hosts = new HostPolicy(['czj.a.gov.cn', '.b.gov.cn']);
    expect(hosts.allows('https://czj.a.gov.cn/x')).toBe(true);
    expect(hosts.allows('http://www.b.gov.cn/x')).toBe(true);
    expect(hosts.allows('http://b.gov.cn/x')).toBe(true);
    expect(hosts.allows('http://evilb.gov.cn/x')).toBe(false);
    expect(hosts.allows('ftp://czj.a.gov.cn/x')).toBe(false);
    expect(hosts.allows('http://a.gov.cn/x')).toBe(false);
  });

  it('builds the ad-hoc config from the flags and rejects bad site configs', () => {
    const cfg = adHocConfig({
      startUrl: 'http://czj.a.gov.cn/yjs/',
      allowHosts: ['files.a.gov.cn'],
      maxPages: 5,
      depth: 2,
    });
    expect(cfg).toMatchObject({ allowedHosts: ['czj.a.gov.cn', 'files.a.gov.cn'], maxPages: 5, maxDepth: 2 });
    expect(cfg.politeness.userAgent).toMatch(/^budgetdoc\/0\.1 \(\+https?:\/\/.+; .+@.+\)$/);
    expect(cfg.attachmentExtensions).toEqual(['.pdf', '.doc', '.docx', '.xls', '.xlsx', '.wps', '.et', '.zip']);
    expect(() => parseSiteConfig({ startUrls: ['file:///etc/passwd'] })).toThrow();
    expect(() => parseSiteConfig({ startUrls: ['http://a.cn/'], listing: ['(unclosed'] })).toThrow(
      /regular expression/,
    );
  });
});
