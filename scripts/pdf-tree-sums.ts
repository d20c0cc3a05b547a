/**
 * The 科目编码 tree identity of budget and final-account tables (docs/domain.md §3.1): 合计 = Σ 类
 * (3 digits), 类 = Σ its 款 (5), 款 = Σ its 项 (7), per amount column, within 0.01 per addend.
 * Codes are printed either in one column (2010201) or split over 类 / 款 / 项 columns.
 */
interface TableRows {
  rows: string[][];
}

const amount = (s: string | undefined): number | undefined => {
  const t = (s ?? '').trim().replace(/,/g, '');
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : undefined;
};

/** 款 and 项 printed as `2` where Excel dropped the leading zero (万里街道 2024, p. 29). */
const part = (s: string | undefined): string => (/^\d{1,2}$/.test(s ?? '') ? s!.padStart(2, '0') : '');

function codeOf(row: string[], at: number): string | undefined {
  const cells = row.map((c) => c.trim());
  const c = cells[at] ?? '';
  if (/^\d{3}$/.test(c)) {
    const kuan = part(cells[at + 1]);
    return c + kuan + (kuan ? part(cells[at + 2]) : '');
  }
  return /^\d{3}(\d{2}){1,2}$/.test(c) ? c : undefined;
}

/** Columns where a code block starts: two-sided tables (经济分类 left and right) have two. */
function codeColumns(rows: string[][]): number[] {
  const n = Math.max(...rows.map((r) => r.length));
  const starts: number[] = [];
  for (let c = 0; c < n; c++) {
    const hits = rows.filter((r) => /^\d{3}(\d{2}){0,2}$/.test((r[c] ?? '').trim())).length;
    if (hits >= 3 && !starts.some((s) => c - s < 3)) starts.push(c);
  }
  return starts;
}

export function checkTree(t: TableRows): string[] {
  const starts = codeColumns(t.rows);
  const problems: string[] = [];
  starts.forEach((start, k) => {
    const end = starts[k + 1] ?? Math.max(...t.rows.map((r) => r.length));
    problems.push(...checkBlock(t.rows, start, end));
  });
  return problems;
}

function checkBlock(rows: string[][], start: number, end: number): string[] {
  const coded = rows
    .map((r) => ({ r, code: codeOf(r, start) }))
    .filter((x): x is { r: string[]; code: string } => x.code !== undefined);
  const totalRow = rows.find((r) => r.slice(start, end).some((c) => /^(合\s*计|总\s*计)$/.test(c.trim())));
  const problems: string[] = [];
  for (let col = start + 1; col < end; col++) {
    const vals = coded.map((x) => (x.r[col] ?? '').trim()).filter((v) => amount(v) !== undefined);
    // An amount column has decimals or thousands separators somewhere, or big integers (元 tables).
    if (!vals.some((v) => /[.,]/.test(v) || v.length > 3)) continue;
    const unit = vals.some((v) => v.includes('.')) ? 0.01 : 1;
    const val = (r: string[]) => amount(r[col]) ?? 0;
    const check = (label: string, want: number, parts: number[]) => {
      const got = parts.reduce((s, v) => s + v, 0);
      if (Math.abs(got - want) > unit * Math.max(1, parts.length) + 1e-9)
        problems.push(`col ${col} ${label}: printed ${want}, sum ${got.toFixed(2)}`);
    };
    const level = (n: number) => coded.filter((x) => x.code.length === n);
    if (totalRow && amount(totalRow[col]) !== undefined)
      check(
        '合计',
        val(totalRow),
        level(3).map((x) => val(x.r)),
      );
    for (const parent of [...level(3), ...level(5)]) {
      const kids = coded.filter((x) => x.code.length === parent.code.length + 2 && x.code.startsWith(parent.code));
      if (kids.length)
        check(
          parent.code,
          val(parent.r),
          kids.map((x) => val(x.r)),
        );
    }
  }
  return problems;
}
