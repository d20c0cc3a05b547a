/**
 * The 类 of the 政府收支分类 功能分类 (expenditure by function), by code, with the names the narratives print for them
 * across the years the corpus covers: the 2019+ names first, the earlier ones after (文化体育与传媒 became
 * 文化旅游体育与传媒, 医疗卫生与计划生育 became 卫生健康, 国土海洋气象等 became 自然资源海洋气象等). A narrative's
 * '一般公共服务（类）支出20153.75万元' is the 类 201 line of the tables it restates.
 */
export const FUNCTION_CLASSES: ReadonlyArray<{ code: string; names: readonly string[] }> = [
  { code: '201', names: ['一般公共服务'] },
  { code: '202', names: ['外交'] },
  { code: '203', names: ['国防'] },
  { code: '204', names: ['公共安全'] },
  { code: '205', names: ['教育'] },
  { code: '206', names: ['科学技术'] },
  { code: '207', names: ['文化旅游体育与传媒', '文化体育与传媒'] },
  { code: '208', names: ['社会保障和就业'] },
  { code: '209', names: ['社会保险基金'] },
  { code: '210', names: ['卫生健康', '医疗卫生与计划生育', '医疗卫生'] },
  { code: '211', names: ['节能环保'] },
  { code: '212', names: ['城乡社区'] },
  { code: '213', names: ['农林水'] },
  { code: '214', names: ['交通运输'] },
  { code: '215', names: ['资源勘探工业信息等', '资源勘探信息等', '资源勘探电力信息等'] },
  { code: '216', names: ['商业服务业等'] },
  { code: '217', names: ['金融'] },
  { code: '219', names: ['援助其他地区'] },
  { code: '220', names: ['自然资源海洋气象等', '国土海洋气象等', '国土资源气象等'] },
  { code: '221', names: ['住房保障'] },
  { code: '222', names: ['粮油物资储备'] },
  { code: '224', names: ['灾害防治及应急管理'] },
  { code: '227', names: ['预备费'] },
  { code: '229', names: ['其他'] },
  { code: '230', names: ['转移性'] },
  { code: '231', names: ['债务还本'] },
  { code: '232', names: ['债务付息'] },
  { code: '233', names: ['债务发行费用'] },
];

/** Longest names first, so 医疗卫生与计划生育 is never read as 医疗卫生. */
export const CLASS_NAMES: ReadonlyArray<{ name: string; code: string }> = FUNCTION_CLASSES.flatMap((c) =>
  c.names.map((name) => ({ name, code: c.code })),
).sort((a, b) => b.name.length - a.name.length);
