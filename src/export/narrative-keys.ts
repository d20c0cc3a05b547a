/**
 * The figure keys a narrative record holds (schemas/narrative.ts, src/recognise/narrative/), for the data dictionary:
 * the usual wording of each and what it is. A figure read under a 财政拨款 or 一般公共预算 section, or with that
 * qualifier, has the key prefixed fiscal_ or gpb_ (gpb_basic_expenditure, gpb_class.201).
 */
export const NARRATIVE_KEYS: ReadonlyArray<{ key: string; wording: string; meaning: string }> = [
  {
    key: 'total_income',
    wording: '收入预算总计 / 本年收入合计 / 总收入',
    meaning: 'total income (收支总表 本年收入合计)',
  },
  {
    key: 'total_expenditure',
    wording: '支出预算总计 / 本年支出合计 / 总支出',
    meaning: 'total expenditure (收支总表 本年支出合计)',
  },
  {
    key: 'grand_total',
    wording: '收入支出总计 / 收入、支出预算总计',
    meaning: 'income = expenditure grand total (收支总表 总计)',
  },
  { key: 'fiscal_income', wording: '财政拨款收入', meaning: 'fiscal appropriation income (财政拨款收支总表)' },
  {
    key: 'fiscal_expenditure',
    wording: '财政拨款支出',
    meaning: 'fiscal appropriation expenditure (财政拨款收支总表)',
  },
  { key: 'fiscal_grand_total', wording: '财政拨款收入支出总计 / 财政拨款收、支总预算', meaning: 'fiscal grand total' },
  {
    key: 'gpb_expenditure',
    wording: '一般公共预算财政拨款支出',
    meaning: 'general public budget appropriation spending (一般公共预算财政拨款支出表 合计)',
  },
  {
    key: 'class.<code>',
    wording: '一般公共服务（类）支出 …',
    meaning:
      'spending of one 功能分类 类, the code its name stands for (201 一般公共服务, 208 社会保障和就业, 221 住房保障 …)',
  },
  { key: 'basic_expenditure', wording: '基本支出', meaning: 'basic expenditure (人员经费 + 公用经费)' },
  { key: 'project_expenditure', wording: '项目支出', meaning: 'project expenditure' },
  { key: 'reserve_fund', wording: '单位预留机动经费', meaning: 'reserve for unforeseen needs (Jiangsu)' },
  { key: 'three_public', wording: '“三公”经费', meaning: '"三公" total: travel abroad + vehicles + hospitality' },
  { key: 'three_public.outboundTravel', wording: '因公出国（境）费', meaning: 'official travel abroad' },
  { key: 'three_public.vehicleTotal', wording: '公务用车购置及运行（维护）费', meaning: 'official vehicles, total' },
  { key: 'three_public.vehiclePurchase', wording: '公务用车购置费', meaning: 'purchase of official vehicles' },
  { key: 'three_public.vehicleOperation', wording: '公务用车运行（维护）费', meaning: 'running official vehicles' },
  { key: 'three_public.reception', wording: '公务接待费', meaning: 'official hospitality' },
  { key: 'meeting', wording: '会议费', meaning: 'meetings (the 三公 table’s 会议费, not an economic 款)' },
  { key: 'training', wording: '培训费', meaning: 'training (the 三公 table’s 培训费)' },
  { key: 'operating_costs', wording: '机关运行经费', meaning: 'running costs of the administrative organs' },
  { key: 'procurement', wording: '政府采购预算总额', meaning: 'government procurement total' },
];
