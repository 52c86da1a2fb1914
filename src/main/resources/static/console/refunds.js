// Finance's refund desk: lists pending refunds page by page and agrees the selected ones in bulk.
// Reads /api with the Tasklist session; every result is shown per row.
import { JSON_HEADERS, api, cell, fill, say, sayError, refuse } from './common.js';

const SIZE = 50;
let page = 0;
let total = 0;

function due(value) {
  if (!value) return '';
  const d = new Date(value);
  const pad = n => String(n).padStart(2, '0');
  return `${d.getMonth() + 1}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function pick(item) {
  const box = document.createElement('input');
  box.type = 'checkbox';
  box.className = 'pick';
  box.setAttribute('aria-label', '选择 ' + (item.caseId || item.taskId));
  const td = document.createElement('td');
  td.append(box);
  return td;
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
  const amount = item => cell(item.amount == null ? '' : Number(item.amount).toFixed(2), 'num');
  const state = item => cell(item.transfer ? '交易成功（转账）' : item.tradeStateLabel);
  const deadline = item => cell(due(item.due), item.due && new Date(item.due).getTime() < now ? 'bad' : '');
  const rows = fill('pending', data.items,
    [pick, 'caseId', 'orderId', 'buyerId', 'itemTitle', amount, state, deadline, 'assignee', () => cell('', 'result')]);
  rows.forEach((tr, i) => { tr.dataset.taskId = data.items[i].taskId; });
}

async function approve() {
  const rows = [...document.querySelectorAll('#pending tbody tr')]
    .filter(tr => tr.querySelector('.pick').checked);
  if (rows.length === 0) {
    say('message', '请先勾选要同意的退款', true);
    return;
  }
  const note = document.getElementById('note').value.trim();
  const items = rows.map(tr => ({ taskId: tr.dataset.taskId, note: note || null }));
  document.getElementById('approve').disabled = true;
  say('message', `正在处理 ${items.length} 笔……`);
  try {
    const result = await api('/refunds/approvals', { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify({ items }) });
    const byTask = new Map(result.results.map(r => [r.taskId, r]));
    rows.forEach(tr => {
      const r = byTask.get(tr.dataset.taskId);
      const td = tr.querySelector('.result');
      td.textContent = r.result === 'DONE' ? '已同意' : '未处理：' + r.reason;
      td.className = 'result' + (r.result === 'DONE' ? '' : ' bad');
      tr.querySelector('.pick').checked = false;
      tr.querySelector('.pick').disabled = r.result === 'DONE';
    });
    say('message', `已同意 ${result.done} 笔，未处理 ${result.refused} 笔（原因见每行“结果”）`, result.refused > 0);
  } catch (e) {
    sayError('message', '提交失败：', e);
  } finally {
    document.getElementById('approve').disabled = false;
  }
}

function turn(step) {
  page = Math.max(0, page + step);
  load().catch(e => sayError('message', '翻页失败：', e));
}

document.getElementById('all').addEventListener('change', e => {
  document.querySelectorAll('#pending .pick:not(:disabled)').forEach(b => { b.checked = e.target.checked; });
});
document.getElementById('approve').addEventListener('click', approve);
document.getElementById('prev').addEventListener('click', () => turn(-1));
document.getElementById('next').addEventListener('click', () => turn(1));
load().catch(refuse);
