import type { Table } from '../../model/document.js';
import type { RecogniseContext } from '../types.js';
import type { HeaderInfo } from './header-match.js';
import { linesAbove, previousPageTail } from './page-lines.js';
import { squash } from './text.js';
import { familyOfTitle } from './title-rules.js';

export { familyOfTitle };

/**
 * The printed title of an amount table and the lines around it (issue 11): the nearest title-like line
 * above the table, skipping 部门： / 单位： / 编制部门： lines, 公开NN表 labels and the department name on a
 * line of its own; kept whole (a title wrapped over two lines is joined, a label printed before it is
 * dropped, a 单位 printed beside it cut off).
 */

/** 部门 / 单位 / 注 lines, and a 单位 or 部门 printed beside the title on its line ('收支预算总表  单位：万元'). */
const META_LINE = /单位[:：]|编制(部门|单位)|^部门[:：]|^预算单位|^注[:：]/;
const META_TAIL = /(金额)?单位[:：].*$|编制(部门|单位)[:：]?.*$|(?<=表(\([^)]*\))?)部门[:：].*$/;
/** 公开01表, 公开表一, or a bare 表一 line (Jiangsu 2017). */
const LABEL = /公开(\d{1,2})表|公开表([一二三四五六七八九十]+)|^表([一二三四五六七八九十]+|\d{1,2})$/;
/** A label printed before the title on its line: '公开01表：', '附表1 ', '表一、', a sheet's number ('2.17单位支出总表'). */
const LABEL_PREFIX =
  /^(公开\d{1,2}表|公开表[一二三四五六七八九十]+|附?表(\d{1,2}(-\d{1,2})?|[一二三四五六七八九十]+)|\d{1,2}(\.\d{1,2})+(?=\D))(?![\d一二三四五六七八九十])[:：、.．\-—]*/;
/** Document parts, never a table's title: 第二部分 2019年部门预算表, 附件2. */
const DOCUMENT_HEADING = /^(第[一二三四五六七八九十\d]+部分|附件\s*\d*)/;
/** Lines that continue a title wrapped onto a second line. */
const CONTINUES = /^(及|和|与|、|\()/;
const ENDS_TABLE = /表(\(.*\))?$/;
const PROSE = /[。；;!！?？,，]/;

/** The title words of a line: label and separators before it, a 单位 / 部门 beside it, cut off. */
function titleText(raw: string): string {
  return raw
    .replace(LABEL_PREFIX, '')
    .replace(LABEL, '')
    .replace(META_TAIL, '')
    .replace(/^[:：、.．\-—]+/, '');
}

/** A line that may hold the first half of a wrapped title. */
function canPrecede(text: string): boolean {
  return (
    text !== '' &&
    text.length <= 40 &&
    !META_LINE.test(text) &&
    !ENDS_TABLE.test(text) &&
    !PROSE.test(text) &&
    !/[:：]/.test(text) &&
    !DOCUMENT_HEADING.test(text)
  );
}

export interface TitleOptions {
  /** How many lines above the table are searched (nearest first). */
  max?: number;
  /** Only a line naming a known table family is a title (lines far from the table: the page above, the page before). */
  strict?: boolean;
}

/**
 * The printed title from the lines above the table (nearest last). A title wrapped over two lines
 * ('一般公共预算财政拨款"三公"经费' / '及会议费、培训费支出决算表', seed 001; '…经济分类预' / '算表') is joined
 * when its second line starts as a continuation (及, 和, 与, 、, an opening bracket) or names no table alone.
 */
export function findTitle(lines: string[], options: TitleOptions = {}): { title: string; label: string | null } {
  const max = options.max ?? 6;
  let label: string | null = null;
  const texts = lines.map((l) => squash(l));
  for (let i = texts.length - 1; i >= 0 && i >= texts.length - max; i--) {
    const raw = texts[i]!;
    // The label: 公开NN表, 表一, 附表1 (a sheet's number is none).
    const prefix = LABEL_PREFIX.exec(raw)?.[0].replace(/[:：、.．\-—]+$/, '');
    const m = LABEL.exec(raw)?.[0] ?? (prefix && /表/.test(prefix) ? prefix : undefined);
    if (m) label ??= m;
    const text = titleText(raw);
    if (text === '' || (META_LINE.test(raw) && text === raw) || DOCUMENT_HEADING.test(text) || PROSE.test(text))
      continue;
    if (!ENDS_TABLE.test(text)) continue;
    const prev = i > 0 ? titleText(texts[i - 1]!) : '';
    const fragment = CONTINUES.test(text) || familyOfTitle(text) === null;
    const joined = prev + text;
    let title = text;
    let first = i;
    if (fragment && canPrecede(prev) && (CONTINUES.test(text) || familyOfTitle(joined) !== null)) {
      title = joined;
      first = i - 1;
    }
    if (options.strict && familyOfTitle(title) === null) continue;
    // A label on the line just above the title (表一 over 收支预算总表, Jiangsu 2017).
    const over = first > 0 ? LABEL.exec(texts[first - 1]!) : null;
    return { title, label: label ?? over?.[0] ?? null };
  }
  return { title: '', label };
}

export interface TitleAround {
  title: string;
  label: string | null;
  /**
   * Lines of the page searched beyond the table's own context, nearest last: where the context held no title,
   * the page above the table and the foot of the page before. The unit and department are read there too.
   */
  linesAround: string[];
}

/** Title, label and the lines around a table: the context the extractor attached first, then the page. */
export function titleAround(table: Table, ctx: RecogniseContext, info: HeaderInfo): TitleAround {
  const caption = table.caption && !table.context.includes(table.caption) ? [table.caption] : [];
  const own = [...table.context, ...caption, ...info.innerContext];
  const found = findTitle(own);
  if (found.title !== '') return { ...found, linesAround: [] };
  const above = linesAbove(ctx.doc, table);
  const onPage = findTitle([...above.lines, ...info.innerContext], { max: 10, strict: true });
  if (onPage.title !== '') return { title: onPage.title, label: found.label ?? onPage.label, linesAround: above.lines };
  if (!above.firstOnPage) return { ...found, linesAround: [] };
  const tail = previousPageTail(ctx.doc, table);
  const before = findTitle([...tail, ...above.lines, ...info.innerContext], { max: 12, strict: true });
  if (before.title === '') return { ...found, linesAround: [] };
  return { title: before.title, label: found.label ?? before.label, linesAround: [...tail, ...above.lines] };
}
