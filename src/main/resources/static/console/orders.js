// Order import with progress, the dunning run, and the dunning summary. Uses the Tasklist session.
import { HEADERS, JSON_HEADERS, api, cell, fill, say, sayError, noticeError, notice, refuse } from './common.js';

function isoDay(date) {
  const pad = n => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function describe(s) {
  const parts = [`已读 ${s.rowsRead} 行`, `新增 ${s.created}`, `更新 ${s.updated}`, `无变化 ${s.unchanged}`];
  if (s.failed) parts.push(`未导入 ${s.failed}`);
  if (s.casesEnded) parts.push(`结束催款单 ${s.casesEnded}`);
  return parts.join('，');
}

async function showErrors(id) {
  const errors = await api(`/orders/imports/${id}/errors?size=100`);
  document.getElementById('importErrors').hidden = errors.length === 0;
  fill('importErrors', errors, [e => cell(e.line, 'num'), 'orderId', 'reason']);
}

async function upload(event) {
  event.preventDefault();
  const file = document.getElementById('file').files[0];
  if (!file) {
    say('importMessage', '请先选择订单报表文件', true);
    return;
  }
  const bar = document.getElementById('bar');
  const send = document.getElementById('send');
  const form = new FormData();
  form.append('file', file);
  send.disabled = true;
  bar.hidden = false;
  bar.removeAttribute('value');
  document.getElementById('importErrors').hidden = true;
  say('importMessage', `正在上传 ${file.name} ……`);
  try {
    let status = await api('/orders/import', { method: 'POST', headers: HEADERS, body: form });
    while (status.status === 'RUNNING') {
      say('importMessage', '导入中：' + describe(status));
      await new Promise(r => setTimeout(r, 500));
      status = await api('/orders/imports/' + status.id);
    }
    bar.value = 1;
    const done = status.status === 'DONE';
    say('importMessage', (done ? '导入完成：' : '导入中断：') + describe(status) + (status.message ? '。' + status.message : ''),
      !done || status.failed > 0);
    if (status.failed > 0) showErrors(status.id).catch(e => noticeError('读取未导入的行失败：', e));
    refreshSummary();
  } catch (e) {
    bar.hidden = true;
    sayError('importMessage', '导入失败：', e);
  } finally {
    send.disabled = false;
  }
}

async function run(event) {
  event.preventDefault();
  const date = document.getElementById('runDate').value;
  try {
    const r = await api('/dunning/runs', {
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify(date ? { date } : {}),
    });
    say('runMessage', `${r.date} 下单未付款 ${r.unpaidOrders} 笔，新开催款单 ${r.opened} 张。催款任务已进入客服的 Tasklist。`);
    refreshSummary();
  } catch (e) {
    sayError('runMessage', '催款失败：', e);
  }
}

async function loadSummary() {
  const from = document.getElementById('from').value;
  const to = document.getElementById('to').value;
  const query = `?from=${from}&to=${to}`;
  document.getElementById('export').href = '/api/dunning/summary/export.xlsx' + query;
  document.getElementById('details').href = `/api/registers/dunning-details/export.xlsx${query}`;
  const lines = await api('/dunning/summary' + query);
  document.getElementById('page').hidden = false;
  fill('summary', lines, ['day', 'agent', l => cell(l.orders, 'num'), l => cell(l.reached, 'num'),
    l => cell(l.paidAfterDunning, 'num'), l => cell(Number(l.amountRecovered).toFixed(2), 'num'),
    l => cell((Number(l.conversionRate) * 100).toFixed(1) + '%', 'num')]);
}

/** Loads the summary again; a failure shows in the notice bar and the old table stays. */
function refreshSummary() {
  loadSummary().then(() => notice(''), e => noticeError('汇总查询失败：', e));
}

const today = new Date();
const yesterday = new Date(today.getTime() - 86400000);
document.getElementById('runDate').value = isoDay(yesterday);
document.getElementById('from').value = isoDay(new Date(today.getTime() - 7 * 86400000));
document.getElementById('to').value = isoDay(today);
document.getElementById('upload').addEventListener('submit', upload);
document.getElementById('run').addEventListener('submit', run);
document.getElementById('summaryForm').addEventListener('submit', event => {
  event.preventDefault();
  refreshSummary();
});
loadSummary().catch(refuse);
