import type { CheerioAPI } from 'cheerio';
import type { MetaField, Provenance } from '../../model/document.js';

/**
 * 发布时间 / 信息来源 as finance-bureau article pages print them (seed 002:
 * `发布时间:2023-07-18 14:33 信息来源:洪江市财政局`), with the variants other CMSes use.
 */
const PUBLISHED =
  /(?:发布时间|发布日期|发文日期|公开日期|日期)\s*[:：]\s*(\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)/;
const PUBLISHER = /(?:信息来源|来源|发布机构|发布单位)\s*[:：]\s*([^\s|　:：]+)/;

/** Government CMS pages (the TRS/Hanweb family) carry these in <meta> tags too. */
const META_TAGS: Array<[string, MetaField['key']]> = [
  ['ArticleTitle', 'title'],
  ['PubDate', 'publishedAt'],
  ['ContentSource', 'publisher'],
];

export function normaliseDate(text: string): string {
  const m = /(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?/.exec(text);
  if (!m) return text.trim();
  const d = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return m[4] ? `${d} ${m[4].padStart(2, '0')}:${m[5]}${m[6] ? `:${m[6]}` : ''}` : d;
}

export function readMeta($: CheerioAPI, lines: string[], prov: Omit<Provenance, 'locator'>): MetaField[] {
  const found = new Map<string, MetaField>();
  const put = (key: string, value: string, locator: string) => {
    if (!found.has(key) && value.trim() !== '')
      found.set(key, { key, value: value.trim(), prov: { ...prov, locator } });
  };
  lines.forEach((line, i) => {
    const p = PUBLISHED.exec(line);
    if (p) put('publishedAt', normaliseDate(p[1]!), `line[${i + 1}]`);
    const s = PUBLISHER.exec(line);
    if (s) put('publisher', s[1]!, `line[${i + 1}]`);
  });
  const h1 = $('h1').first().text().trim();
  if (h1) put('title', h1.replace(/\s+/g, ' '), 'h1');
  for (const [name, key] of META_TAGS) {
    const v = $(`meta[name="${name}"]`).attr('content');
    if (v) put(key, key === 'publishedAt' ? normaliseDate(v) : v, `meta[name=${name}]`);
  }
  const title = $('title').first().text().trim();
  // Site suffixes ('-洪江市人民政府') are not part of the article title.
  if (title) put('title', title.replace(/\s*[-_|—]\s*[^-_|—]*$/, '') || title, 'title');
  return [...found.values()];
}
