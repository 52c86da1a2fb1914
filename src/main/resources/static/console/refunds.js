// Finance's refund desk: lists pending refunds page by page and agrees the selected ones in bulk.
// Reads /api with the Tasklist session; every result is shown per row.
const HEADERS = { 'Content-Type': 'application/json', 'X-Aftersales-Console': '1' };
const SIZE = 50;
let page = 0;
let total = 0;

async function api(path, options = {}) {
  const response = await fetch('/api' + path, { credentials: 'same-origin', ...options });
  if (response.status === 401) {
    document.getElementById('login').hidden = false;
    document.getElementById('desk').hidden = true;
    throw new Error('login');
  }
  const body = response.headers.get('content-type')?.includes('json') ? await response.json() : null;
  if (!response.ok) {
    throw new Error(body?.detail || ('请求失败：' + response.status));
  }
  return body;
}

function cell(text, cls) {
  const td = document.createElement('td');
  td.textContent = text == null ? '' : String(text);
  if (cls) td.className = cls;
  return td;
}

function due(value) {
  if (!value) return '';
  const d = new Date(value);
  const pad = n => String(n).padStart(2, '0');
  return `${d.getMonth() + 1}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function say(text, error) {
  const m = document.getElementById('message');
  m.textContent = text;
  m.className = 'message' + (error ? ' error' : '');
}

async function load() {
  const data = await api(`/refunds/pending?page=${page}&size=${SIZE}`);
  total = data.total;
  document.getElementById('desk').hidden = false;
  document.getElementById('count').textContent = `共 ${total} 笔待处理`;
  const pages = Math.max(1, Math.ceil(total / SIZE));
  document.getElementById('pageInfo').textContent = `第 ${page + 1} / ${pages} 页`;
  document.getElementById('prev').disabled = page === 0;
  document.getElementById('next').disabled = page + 1 >= pages;
  document.getElementById('all').checked = false;
  const now = Date.now();
  document.querySelector('#pending tbody').replaceChildren(...data.items.map(item => {
    const tr = document.createElement('tr');
    tr.dataset.taskId = item.taskId;
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.className = 'pick';
    box.setAttribute('aria-label', '选择 ' + (item.caseId || item.taskId));
    const pick = document.createElement('td');
    pick.append(box);
    const amount = item.amount == null ? '' : Number(item.amount).toFixed(2);
    const late = item.due && new Date(item.due).getTime() < now;
    tr.append(pick, cell(item.caseId), cell(item.orderId), cell(item.buyerId), cell(item.itemTitle),
      cell(amount, 'num'), cell(item.transfer ? '交易成功（转账）' : item.tradeStateLabel),
      cell(due(item.due), late ? 'bad' : ''), cell(item.assignee), cell('', 'result'));
    return tr;
  }));
}

async function approve() {
  const rows = [...document.querySelectorAll('#pending tbody tr')]
    .filter(tr => tr.querySelector('.pick').checked);
  if (rows.length === 0) {
    say('请先勾选要同意的退款', true);
    return;
  }
  const note = document.getElementById('note').value.trim();
  const items = rows.map(tr => ({ taskId: tr.dataset.taskId, note: note || null }));
  document.getElementById('approve').disabled = true;
  say(`正在处理 ${items.length} 笔……`);
  try {
    const result = await api('/refunds/approvals', { method: 'POST', headers: HEADERS, body: JSON.stringify({ items }) });
    const byTask = new Map(result.results.map(r => [r.taskId, r]));
    rows.forEach(tr => {
      const r = byTask.get(tr.dataset.taskId);
      const td = tr.querySelector('.result');
      td.textContent = r.result === 'DONE' ? '已同意' : '未处理：' + r.reason;
      td.className = 'result' + (r.result === 'DONE' ? '' : ' bad');
      tr.querySelector('.pick').checked = false;
      tr.querySelector('.pick').disabled = r.result === 'DONE';
    });
    say(`已同意 ${result.done} 笔，未处理 ${result.refused} 笔（原因见每行“结果”）`, result.refused > 0);
  } catch (e) {
    if (e.message !== 'login') say(e.message, true);
  } finally {
    document.getElementById('approve').disabled = false;
  }
}

document.getElementById('all').addEventListener('change', e => {
  document.querySelectorAll('#pending .pick:not(:disabled)').forEach(b => { b.checked = e.target.checked; });
});
document.getElementById('approve').addEventListener('click', approve);
document.getElementById('prev').addEventListener('click', () => { page = Math.max(0, page - 1); load().catch(e => say(e.message, true)); });
document.getElementById('next').addEventListener('click', () => { page += 1; load().catch(e => say(e.message, true)); });
// A refusal on opening (e.g. an agent) replaces the page with the reason.
load().catch(e => {
  if (e.message === 'login') return;
  const notice = document.getElementById('login');
  notice.textContent = e.message;
  notice.hidden = false;
});
