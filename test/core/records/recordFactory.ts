/** Builds valid record inputs for tests; each test changes only the field it is about. */
function commonInput(id: string, kind: string, region: string) {
  return { id, kind, status: 'SUBMITTED', authority: { name: '内蒙古自治区公安厅', code: '内公奖' }, region };
}

export function meritInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ...commonInput('merit-test', 'merit', '呼伦贝尔市'),
    grade: 3,
    recipient: { type: 'individual', name: '张鹏', role: '民警', unit: '呼伦贝尔市海拉尔区公安分局呼伦街派出所' },
    deed: '在新冠肺炎疫情防控工作中表现突出',
    ...overrides,
  };
}

export function commendationOrderInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ...commonInput('order-test', 'commendation-order', '自治区'),
    title: '内蒙古自治区公安厅关于给予何建华等同志记功嘉奖的命令',
    preamble: ['新冠肺炎疫情发生以来，全区广大公安民警辅警冲锋在前。'],
    awardees: [{ name: '何建华', unit: '兴安盟突泉县公安局', award: '追记个人一等功' }],
    decision: '经厅党委研究决定，追记何建华同志个人一等功。',
    closing: ['希望受到表彰的同志珍惜荣誉。'],
    issuedAt: '2020-02-05T10:00:00+08:00',
    ...overrides,
  };
}
