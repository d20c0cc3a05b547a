import type { Discovery } from '../model/document.js';
import { normaliseUrl } from './url.js';

/** What a URL is believed to be when queued; a 'page' may still turn out to be a document. */
export type CrawlRole = 'listing' | 'article' | 'page' | 'document';

export interface CrawlItem {
  url: string;
  depth: number;
  role: CrawlRole;
  discovery: Discovery;
  /** Pagination pages stay at their listing's depth. */
  pagination?: boolean;
}

export type PushResult = 'queued' | 'seen' | 'page_limit' | 'document_limit' | 'listing_page_limit';

/**
 * Breadth-first queue, deduplicated by normalised URL, that enforces the crawl's bounds:
 * pages, documents, and pagination pages past the first listing page.
 */
export class Frontier {
  private readonly seen = new Set<string>();
  private readonly queue: CrawlItem[] = [];
  private pages = 0;
  private documents = 0;
  private listingPages = 0;

  constructor(private readonly limits: { maxPages: number; maxDocuments: number; maxListingPages: number }) {}

  push(item: CrawlItem): PushResult {
    const key = normaliseUrl(item.url);
    if (this.seen.has(key)) return 'seen';
    if (item.role === 'document') {
      if (this.documents >= this.limits.maxDocuments) return 'document_limit';
      this.documents++;
    } else {
      if (this.pages >= this.limits.maxPages) return 'page_limit';
      if (item.pagination) {
        if (this.listingPages >= this.limits.maxListingPages) return 'listing_page_limit';
        this.listingPages++;
      }
      this.pages++;
    }
    this.seen.add(key);
    this.queue.push(item);
    return 'queued';
  }

  next(): CrawlItem | undefined {
    return this.queue.shift();
  }

  get size(): number {
    return this.queue.length;
  }
}
