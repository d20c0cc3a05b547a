import { z } from 'zod';

/** File extensions that are attachments worth fetching (issue 6). */
export const ATTACHMENT_EXTENSIONS = ['.pdf', '.doc', '.docx', '.xls', '.xlsx', '.wps', '.et', '.zip'] as const;

export const DEFAULT_USER_AGENT =
  'budgetdoc/0.1 (+https://github.com/budgetdoc/budgetdoc; budgetdoc@users.noreply.github.com)';

const regexList = z
  .array(z.string())
  .default([])
  .refine((xs) => xs.every(isRegex), { message: 'every pattern must be a valid regular expression' });

function isRegex(s: string): boolean {
  try {
    new RegExp(s);
    return true;
  } catch {
    return false;
  }
}

export const politenessSchema = z.object({
  userAgent: z.string().min(1).default(DEFAULT_USER_AGENT),
  /** Per-host budget: at most `requests` per `perSeconds` (whole seconds: the Redis limiter counts in seconds). */
  requests: z.number().int().positive().default(1),
  perSeconds: z.number().int().positive().default(2),
  /** Requests in flight across all hosts within one crawler process. */
  concurrency: z.number().int().positive().max(16).default(2),
  timeoutMs: z.number().int().positive().default(30_000),
  maxBytes: z
    .number()
    .int()
    .positive()
    .default(50 * 1024 * 1024),
  maxRedirects: z.number().int().min(0).max(10).default(5),
  /** Attempts per URL for transient errors in the embedded crawl (BullMQ retries on its own). */
  attempts: z.number().int().positive().max(10).default(4),
  backoffMs: z.number().int().positive().default(1_000),
  /** A Retry-After longer than this fails the attempt instead of stalling the crawl. */
  maxRetryAfterMs: z.number().int().positive().default(120_000),
  respectRobots: z.boolean().default(true),
});

/**
 * One site (a finance bureau's 预决算公开 section). Patterns are regular expressions tested
 * against absolute URLs; without any, every page within the allowed hosts is followed and
 * pages that carry a table are kept as documents (the ad-hoc mode of `budgetdoc crawl`).
 */
export const siteConfigSchema = z.object({
  name: z.string().min(1).default('adhoc'),
  startUrls: z.array(z.url({ protocol: /^https?$/ })).min(1),
  /** Hosts (host or host:port; '.example.gov.cn' for subdomains); default: the start URLs' hosts. */
  allowedHosts: z.array(z.string().min(1)).default([]),
  /**
   * Hosts (same forms) allowed to resolve to loopback, private, link-local, unspecified or reserved addresses: an
   * intranet mirror, a fixture server on 127.0.0.1. Every other host is refused such addresses after DNS resolution
   * and on every redirect (issue 16), the start URLs' hosts included; `--allow-host` adds to this list.
   */
  allowPrivateHosts: z.array(z.string().min(1)).default([]),
  listing: regexList,
  article: regexList,
  /** Extra attachment URL patterns beyond the extension list (download.jsp?id=...). */
  attachment: regexList,
  attachmentExtensions: z.array(z.string().regex(/^\.[a-z0-9]+$/)).default([...ATTACHMENT_EXTENSIONS]),
  /** URLs never followed (logout links, search pages). */
  exclude: regexList,
  /** `index_1.html`-style pagination: how many listing pages past the first to follow at most. */
  maxListingPages: z.number().int().min(0).default(50),
  maxPages: z.number().int().positive().default(200),
  maxDocuments: z.number().int().positive().default(2000),
  maxDepth: z.number().int().min(0).default(3),
  politeness: politenessSchema.default(politenessSchema.parse({})),
  /** ZIP attachments are unpacked into member documents within these limits. */
  zip: z
    .object({
      maxEntries: z.number().int().positive().default(200),
      maxTotalBytes: z
        .number()
        .int()
        .positive()
        .default(200 * 1024 * 1024),
    })
    .default({ maxEntries: 200, maxTotalBytes: 200 * 1024 * 1024 }),
});

export type SiteConfig = z.output<typeof siteConfigSchema>;
export type SiteConfigInput = z.input<typeof siteConfigSchema>;
export type Politeness = SiteConfig['politeness'];

/** Parses a config and fills `allowedHosts` from the start URLs when it is empty. */
export function parseSiteConfig(input: unknown): SiteConfig {
  const cfg = siteConfigSchema.parse(input);
  if (cfg.allowedHosts.length === 0) cfg.allowedHosts = [...new Set(cfg.startUrls.map((u) => new URL(u).host))];
  return cfg;
}

export interface AdHocOptions {
  startUrl: string;
  /** `--allow-host`: hosts allowed explicitly, so also allowed private addresses. */
  allowHosts?: string[];
  maxPages?: number;
  depth?: number;
  politeness?: Partial<Politeness>;
}

/**
 * The config behind `budgetdoc crawl --start-url URL [--allow-host HOST] [--max-pages N] [--depth N]`. A host named
 * with --allow-host is allowed explicitly: it may also resolve to a private address (a start URL on 127.0.0.1 needs
 * `--allow-host 127.0.0.1`).
 */
export function adHocConfig(opts: AdHocOptions): SiteConfig {
  const host = new URL(opts.startUrl).host;
  return parseSiteConfig({
    name: 'adhoc',
    startUrls: [opts.startUrl],
    allowedHosts: [host, ...(opts.allowHosts ?? [])],
    allowPrivateHosts: opts.allowHosts ?? [],
    ...(opts.maxPages !== undefined ? { maxPages: opts.maxPages } : {}),
    ...(opts.depth !== undefined ? { maxDepth: opts.depth } : {}),
    politeness: politenessSchema.parse(opts.politeness ?? {}),
  });
}
