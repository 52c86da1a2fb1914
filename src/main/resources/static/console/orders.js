// Order import with progress, the dunning run, and the dunning summary. Uses the Tasklist session.
const HEADERS = { 'X-Aftersales-Console': '1' };

async function api(path, options = {}) {
  const response = await fetch('/api' + path, { credentials: 'same-origin', ...options });
  if (response.status === 401) {
    document.getElementById('login').hidden = false;
    document.getElementById('page').hidden = true;
    throw new Error('login');
  }
  const body = response.headers.get('content-type')?.includes('json') ? await response.json() : null;
  if (!response.ok) {
    throw new Error(body?.detail || ('请求失败：' + response.status));
  }
  return body;
}

function say(id, text, error) {
  const m = document.getElementById(id);
  m.textContent = text;
  m.className = 'message' + (error ? ' error' : '');
}

function cell(text, cls) {
  const td = document.createElement('td');
  td.textContent = text == null ? '' : String(text);
  if (cls) td.className = cls;
  return td;
}

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
  const table = document.getElementById('importErrors');
  table.hidden = errors.length === 0;
  table.querySelector('tbody').replaceChildren(...errors.map(e => {
    const tr = document.createElement('tr');
    tr.append(cell(e.line, 'num'), cell(e.orderId), cell(e.reason));
    return tr;
  }));
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
    if (status.failed > 0) await showErrors(status.id);
    loadSummary();
  } catch (e) {
    bar.hidden = true;
    if (e.message !== 'login') say('importMessage', e.message, true);
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
      headers: { ...HEADERS, 'Content-Type': 'application/json' },
      body: JSON.stringify(date ? { date } : {}),
    });
    say('runMessage', `${r.date} 下单未付款 ${r.unpaidOrders} 笔，新开催款单 ${r.opened} 张。催款任务已进入客服的 Tasklist。`);
    loadSummary();
  } catch (e) {
    if (e.message !== 'login') say('runMessage', e.message, true);
  }
}

async function loadSummary(event) {
  if (event) event.preventDefault();
  const from = document.getElementById('from').value;
  const to = document.getElementById('to').value;
  const query = `?from=${from}&to=${to}`;
  document.getElementById('export').href = '/api/dunning/summary/export.xlsx' + query;
  document.getElementById('details').href = `/api/registers/dunning-details/export.xlsx${query}`;
  const lines = await api('/dunning/summary' + query);
  document.getElementById('page').hidden = false;
  document.querySelector('#summary tbody').replaceChildren(...lines.map(l => {
    const tr = document.createElement('tr');
    tr.append(cell(l.day), cell(l.agent), cell(l.orders, 'num'), cell(l.reached, 'num'),
      cell(l.paidAfterDunning, 'num'), cell(Number(l.amountRecovered).toFixed(2), 'num'),
      cell((Number(l.conversionRate) * 100).toFixed(1) + '%', 'num'));
    return tr;
  }));
}

const today = new Date();
const yesterday = new Date(today.getTime() - 86400000);
document.getElementById('runDate').value = isoDay(yesterday);
document.getElementById('from').value = isoDay(new Date(today.getTime() - 7 * 86400000));
document.getElementById('to').value = isoDay(today);
document.getElementById('upload').addEventListener('submit', upload);
document.getElementById('run').addEventListener('submit', run);
document.getElementById('summaryForm').addEventListener('submit', loadSummary);
// A refusal on opening (e.g. warehouse staff) replaces the page with the reason.
loadSummary().catch(e => {
  if (e.message === 'login') return;
  const notice = document.getElementById('login');
  notice.textContent = e.message;
  notice.hidden = false;
});
