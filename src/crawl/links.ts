import * as cheerio from 'cheerio';
import { carriesDataTable, dateNear, pageTitle, publishedAt } from './page-meta.js';
import { resolveUrl } from './url.js';

export interface FoundLink {
  url: string;
  /** Link text, whitespace collapsed; the attachment's real name when the URL is a number. */
  text: string;
  /** A date printed beside the link in a listing. */
  date?: string;
  via: 'href' | 'script' | 'pagination';
}

export interface PageFacts {
  title?: string;
  publishedAt?: string;
  hasDataTable: boolean;
  links: FoundLink[];
}

const collapse = (s: string) => s.replace(/[\s\u3000]+/g, ' ').trim();

/** window.open('…'), location.href='…', location.assign('…') in onclick or javascript: hrefs. */
const SCRIPT_URL = /(?:window\.open|location(?:\.href)?\s*=|location\.(?:assign|replace))\s*\(?\s*['"]([^'"]+)['"]/g;
/** Any quoted path ending in a document extension, for download helpers like openFile('/a/1.pdf'). */
const QUOTED_FILE = /['"]([^'"\s]+\.(?:pdf|docx?|xlsx?|wps|et|zip|s?html?))['"]/gi;
/** TRS CMS paging: createPageHTML(pageCount, currentIndex, "index", "html"). */
const CREATE_PAGE = /createPageHTML\(\s*(\d+)\s*,\s*(\d+)\s*,\s*["']([\w-]+)["']\s*,\s*["'](\w+)["']/;
const PAGE_TEXT = /^(下一页|上一页|尾页|首页|末页|下页|上页|\d{1,3})$/;
export const PAGINATION_URL = /\/index_\d+\.s?html?$/i;

/** Links, onclick/script URLs and pagination of one HTML page (issue 6, listing pages). */
export function discoverPage(html: string, pageUrl: string, maxListingPages: number): PageFacts {
  const $ = cheerio.load(html);
  const base = resolveUrl($('base[href]').attr('href') ?? '', pageUrl) ?? pageUrl;
  const links: FoundLink[] = [];
  const add = (href: string | undefined, text: string, via: FoundLink['via'], date?: string) => {
    const url = href === undefined ? undefined : resolveUrl(href, base);
    if (url) links.push({ url, text, via, ...(date ? { date } : {}) });
  };

  $('a, area, [onclick]').each((_, el) => {
    const node = $(el);
    const text = collapse(node.text()) || collapse(node.attr('title') ?? '');
    const date = dateNear(collapse(node.parent().text()).replace(text, ''));
    const href = node.attr('href');
    const scripts = [node.attr('onclick') ?? '', href?.trim().toLowerCase().startsWith('javascript:') ? href : ''].join(
      ' ',
    );
    const isPaging = PAGE_TEXT.test(text) || (href !== undefined && PAGINATION_URL.test(href.split('?')[0]!));
    if (href && !href.trim().toLowerCase().startsWith('javascript:'))
      add(href, text, isPaging ? 'pagination' : 'href', date);
    for (const url of scriptUrls(scripts)) add(url, text, isPaging ? 'pagination' : 'script', date);
  });

  for (const url of createPageUrls($('script').text(), maxListingPages)) add(url, '', 'pagination');

  const title = pageTitle($);
  const published = publishedAt($);
  return {
    ...(title ? { title } : {}),
    ...(published ? { publishedAt: published } : {}),
    hasDataTable: carriesDataTable($),
    links: dedupe(links),
  };
}

function scriptUrls(script: string): string[] {
  if (!script.trim()) return [];
  const out = new Set<string>();
  for (const m of script.matchAll(SCRIPT_URL)) out.add(m[1]!);
  for (const m of script.matchAll(QUOTED_FILE)) out.add(m[1]!);
  return [...out];
}

/** index.html, index_1.html … index_{n-1}.html from a createPageHTML call, capped. */
function createPageUrls(scripts: string, cap: number): string[] {
  const m = CREATE_PAGE.exec(scripts);
  if (!m) return [];
  const count = Math.min(Number(m[1]), cap + 1);
  const [name, ext] = [m[3]!, m[4]!];
  return Array.from({ length: count }, (_, i) => (i === 0 ? `${name}.${ext}` : `${name}_${i}.${ext}`));
}

/** First occurrence wins, but a later non-empty text fills an empty one (icon link, then text link). */
function dedupe(links: FoundLink[]): FoundLink[] {
  const byUrl = new Map<string, FoundLink>();
  for (const l of links) {
    const key = l.url.split('#')[0]!;
    const seen = byUrl.get(key);
    if (!seen) byUrl.set(key, l);
    else if (!seen.text && l.text)
      byUrl.set(key, { ...seen, text: l.text, ...(l.date && !seen.date ? { date: l.date } : {}) });
  }
  return [...byUrl.values()];
}
