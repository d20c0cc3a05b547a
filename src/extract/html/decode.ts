import iconv from 'iconv-lite';
import type { Issue } from '../../model/document.js';
import { issue } from '../../model/build.js';

/** GB2312 and GBK pages often use GB18030-only characters; GB18030 decodes all three. */
const ALIASES: Record<string, string> = { gb2312: 'gb18030', gbk: 'gb18030', 'x-gbk': 'gb18030', gb18030: 'gb18030' };

function canonical(label: string): string {
  const l = label.trim().toLowerCase();
  return ALIASES[l] ?? l;
}

export function charsetFromContentType(contentType: string | undefined): string | undefined {
  const m = contentType ? /charset\s*=\s*["']?([\w-]+)/i.exec(contentType) : null;
  return m ? m[1] : undefined;
}

/** The charset an HTML page declares in its first 4 KiB (<meta charset> or http-equiv). */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return m ? m[1] : undefined;
}

function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

export interface Decoded {
  text: string;
  charset: string;
  issues: Issue[];
}

/**
 * Decodes a page the way a browser would, in order: BOM, the server's Content-Type charset,
 * the page's <meta> declaration, then a guess (strict UTF-8, else GB18030). A declaration
 * that does not fit the bytes (a 'utf-8' page that is really GBK, common on old CMSes) falls
 * back to the guess with an issue, rather than producing mojibake.
 */
export function decodeHtml(bytes: Uint8Array, contentType?: string): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), charset: 'utf-8', issues: [] };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf16le'), charset: 'utf-16le', issues: [] };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf16be'), charset: 'utf-16be', issues: [] };

  const issues: Issue[] = [];
  const declared = charsetFromContentType(contentType) ?? declaredCharset(bytes);
  if (declared) {
    const cs = canonical(declared);
    if (cs === 'utf-8' || cs === 'utf8') {
      const text = strictUtf8(bytes);
      if (text !== undefined) return { text, charset: 'utf-8', issues };
      issues.push(
        issue(
          'warning',
          'html.charset_mismatch',
          `page declares ${declared} but is not valid UTF-8; decoded as GB18030`,
        ),
      );
      return { text: iconv.decode(Buffer.from(bytes), 'gb18030'), charset: 'gb18030', issues };
    }
    if (iconv.encodingExists(cs)) return { text: iconv.decode(Buffer.from(bytes), cs), charset: cs, issues };
    issues.push(issue('warning', 'html.unknown_charset', `page declares unknown charset ${declared}; guessed`));
  }
  const utf8 = strictUtf8(bytes);
  if (utf8 !== undefined) return { text: utf8, charset: 'utf-8', issues };
  issues.push(issue('warning', 'html.charset_guessed', 'no charset declared and not UTF-8; decoded as GB18030'));
  return { text: iconv.decode(Buffer.from(bytes), 'gb18030'), charset: 'gb18030', issues };
}
