import { decodeLegacyName } from './legacy-name.js';
import { ATTACHMENT_EXTENSIONS } from './site-config.js';
import { urlBaseName, urlExtension } from './url.js';

const BY_CONTENT_TYPE: Record<string, string> = {
  'application/pdf': '.pdf',
  'application/msword': '.doc',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': '.docx',
  'application/vnd.ms-excel': '.xls',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': '.xlsx',
  'application/zip': '.zip',
  'application/x-zip-compressed': '.zip',
  'application/vnd.ms-works': '.wps',
  'application/kswps': '.wps',
  'application/kset': '.et',
};

/** Extension implied by a Content-Type, if it is one of the attachment types. */
export function extensionForContentType(contentType: string | undefined): string | undefined {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return BY_CONTENT_TYPE[type];
}

/** Whether a response is an attachment by its Content-Type (download.jsp?id=123 links). */
export function isAttachmentContentType(contentType: string | undefined): boolean {
  return extensionForContentType(contentType) !== undefined;
}

/** Link texts that say nothing about the file. */
const GENERIC = /^(下载|点击下载|附件|附件下载|点击查看|查看|详情|download|\s*)$/i;

/** filename*=UTF-8''… (RFC 6266/5987) wins over filename="…". */
export function contentDispositionName(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const star = /filename\*\s*=\s*([\w-]+)'[^']*'([^;]+)/i.exec(value);
  if (star) {
    try {
      return decodeURIComponent(star[2]!.trim());
    } catch {
      /* fall through to filename= */
    }
  }
  const plain = /filename\s*=\s*"([^"]+)"|filename\s*=\s*([^;]+)/i.exec(value);
  const raw = (plain?.[1] ?? plain?.[2])?.trim();
  if (!raw) return undefined;
  const name = /%[0-9a-f]{2}/i.test(raw) ? safeDecode(raw) : decodeLegacyName(raw);
  return name.split(/[\\/]/).pop() || undefined;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * The attachment's name (issue 6: the name in the URL is often a number): Content-Disposition,
 * then the link text with the file's extension added, then the URL's last segment.
 */
export function attachmentName(
  url: string,
  linkText: string | undefined,
  contentType?: string,
  contentDisposition?: string,
): string {
  const fromHeader = contentDispositionName(contentDisposition);
  if (fromHeader) return fromHeader;
  // download.jsp / .aspx say nothing about the file: only a document extension in the URL counts.
  const fromUrl = urlExtension(url);
  const ext = (ATTACHMENT_EXTENSIONS as readonly string[]).includes(fromUrl)
    ? fromUrl
    : (extensionForContentType(contentType) ?? '');
  const text = (linkText ?? '').replace(/[\\/:*?"<>|]/g, '_').trim();
  if (text && !GENERIC.test(text)) return ext && !text.toLowerCase().endsWith(ext) ? `${text}${ext}` : text;
  return urlBaseName(url) || `download${ext}`;
}
