// The day report's figures as both day-report pages show them: Chinese labels, values as text.

/** Each figure of GET /api/reports/day with its label; money with two decimals. */
export const FIGURES = [
  ['tasksDoneTotal', '完成任务'],
  ['casesOpened', '开单'],
  ['casesClosed', '结案（本人开的单）'],
  ['stillOpen', '手上未完成任务'],
  ['overdue', '其中已逾期'],
  ['refundsAgreed', '已退款（笔，本人开的单）'],
  ['refundAmount', '退款金额（元）', true],
  ['dunningCalls', '催款联系'],
  ['paymentsRecovered', '催回付款（笔）'],
  ['amountRecovered', '催回金额（元）', true],
  ['followUpCalls', '回访'],
  ['followUpsReached', '回访联系上'],
  ['followUpsRouted', '回访转处理'],
  ['handoversReceived', '接收交接任务']
];

export function value(figures, key, money) {
  const v = figures?.[key];
  if (v == null) return '';
  return money ? Number(v).toFixed(2) : String(v);
}

/** "完成任务" by task: "核验凭证 3，致歉并协商方案 1". */
export function tasksText(figures) {
  return (figures?.tasksDone || []).map(t => `${t.task} ${t.count}`).join('，');
}

/** "2026-11-30T17:02:00+08:00" → "17:02". */
export function time(value) {
  return value ? String(value).substring(11, 16) : '';
}
