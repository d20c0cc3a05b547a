import robotsParserModule from 'robots-parser';
import { isPermanent } from '../model/errors.js';

interface Robot {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getMatchingLineNumber(url: string, ua?: string): number;
  getCrawlDelay(ua?: string): number | undefined;
}
// robots-parser is CommonJS (module.exports = fn) while its typings declare a default export.
const robotsParser = robotsParserModule as unknown as (url: string, body: string) => Robot;

export interface RobotsVerdict {
  allowed: boolean;
  /** Crawl-delay for our agent, seconds. */
  crawlDelay?: number;
  /** robots.txt line that decided, for the report. */
  line?: number;
}

/** Fetches a robots.txt body; resolves undefined on 4xx, rejects on 5xx/network (RFC 9309 §2.3.1). */
export type RobotsLoader = (robotsUrl: string) => Promise<string | undefined>;

/**
 * robots.txt per origin, fetched once per crawl and cached (robots-parser does the matching).
 * RFC 9309 §2.3.1: an unavailable file (4xx) allows everything; an unreachable one (5xx,
 * network) disallows everything, so a struggling server is left alone.
 */
export class RobotsCache {
  private readonly cache = new Map<string, Promise<Robot | 'unreachable'>>();

  constructor(
    private readonly load: RobotsLoader,
    private readonly userAgent: string,
  ) {}

  async check(href: string): Promise<RobotsVerdict> {
    const url = new URL(href);
    const robotsUrl = `${url.origin}/robots.txt`;
    let pending = this.cache.get(url.origin);
    if (!pending) {
      pending = this.load(robotsUrl).then(
        (body) => robotsParser(robotsUrl, body ?? ''),
        (err: unknown) => (isPermanent(err) ? robotsParser(robotsUrl, '') : 'unreachable'),
      );
      this.cache.set(url.origin, pending);
    }
    const robot = await pending;
    if (robot === 'unreachable') return { allowed: false };
    const allowed = robot.isAllowed(href, this.userAgent) !== false;
    const delay = robot.getCrawlDelay(this.userAgent);
    const line = robot.getMatchingLineNumber(href, this.userAgent);
    return { allowed, ...(delay !== undefined ? { crawlDelay: delay } : {}), ...(line > 0 ? { line } : {}) };
  }
}
