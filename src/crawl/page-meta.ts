import type { CheerioAPI } from 'cheerio';

const collapse = (s: string) => s.replace(/[\s\u3000]+/g, ' ').trim();

/** Dates as printed on these sites: 2023-07-18 14:33, 2023/7/18, 2023年07月18日. */
const DATE = /(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?)/;

/** 发布时间 / 发布日期 / 日期 line of an article (seed 002). */
const PUBLISHED = new RegExp(`(?:发布时间|发布日期|发文日期|时间|日期)\\s*[:：]\\s*${DATE.source}`);

/**
 * The article's title: TRS-style `<meta name="ArticleTitle">`, then the first <h1>/<h2>, then
 * <title> (whose site-name suffix after '-' or '_' is dropped).
 */
export function pageTitle($: CheerioAPI): string | undefined {
  const meta = $('meta[name="ArticleTitle"], meta[name="articletitle"]').attr('content');
  if (meta && collapse(meta)) return collapse(meta);
  const h = collapse($('h1').first().text()) || collapse($('h2').first().text());
  if (h) return h;
  const t = collapse($('title').first().text()).split(/\s*[-_|—]\s*/)[0];
  return t || undefined;
}

/** 发布时间 as printed; `<meta name="PubDate">` where the CMS writes one. */
export function publishedAt($: CheerioAPI): string | undefined {
  const meta = $('meta[name="PubDate"], meta[name="pubdate"]').attr('content');
  if (meta && DATE.test(meta)) return collapse(DATE.exec(meta)![1]!);
  // One 发布时间 line is an article's; several are a listing's per-item dates.
  const all = [...collapse($('body').text()).matchAll(new RegExp(PUBLISHED.source, 'g'))];
  return all.length === 1 ? collapse(all[0]![1]!) : undefined;
}

/** A date printed next to a link in a listing (`<li><a>…</a><span>2023-07-18</span></li>`). */
export function dateNear(text: string): string | undefined {
  const m = DATE.exec(text);
  return m ? collapse(m[1]!) : undefined;
}

/**
 * Whether the page carries a data table rather than layout: some innermost <table> with at
 * least three rows of three or more cells (the article-is-a-table case, seed 002).
 */
export function carriesDataTable($: CheerioAPI): boolean {
  return $('table')
    .toArray()
    .some((t) => {
      const table = $(t);
      if (table.find('table').length > 0) return false;
      const rows = table
        .find('tr')
        .toArray()
        .filter((tr) => $(tr).children('td, th').length >= 3);
      return rows.length >= 3;
    });
}
