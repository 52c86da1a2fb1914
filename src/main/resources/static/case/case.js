// The case page (售后单) and the case search. Reads everything from /api with the Tasklist session,
// refreshes itself every 30 s while visible and when the window gets the focus again. Every value
// goes into the page with textContent (or as an element property), never as HTML.
import { HEADERS, JSON_HEADERS, api, cell, fill, say, sayError, noticeError, notice, refuse } from '/console/common.js';

const REFRESH_MS = 30000;
const when = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
});
const time = value => (value ? when.format(new Date(value)) : '');
const yuan = value => (value == null ? '' : Number(value).toFixed(2) + ' 元');
const CHANNELS = { REFUND_MESSAGE: '退款留言', QIANNIU: '千牛聊天' };
const params = new URLSearchParams(location.search);
const caseId = decodeURIComponent(location.pathname.replace(/^\/cases\/?/, '').split('/')[0] || '');
let lastPage = '';
let lastPhotos = '';

if (params.get('embed') === '1') document.body.classList.add('embedded');

function facts(id, pairs) {
  const dl = document.getElementById(id);
  const items = [];
  for (const [label, value] of pairs) {
    if (value == null || value === '') continue;
    const dt = document.createElement('dt');
    dt.textContent = label;
    const dd = document.createElement('dd');
    dd.textContent = String(value);
    items.push(dt, dd);
  }
  dl.replaceChildren(...items);
}

function caseLink(c) {
  const td = document.createElement('td');
  const a = document.createElement('a');
  a.href = '/cases/' + encodeURIComponent(c.caseId);
  a.textContent = c.caseId;
  if (document.body.classList.contains('embedded')) a.target = '_blank';
  td.append(a);
  return td;
}

function render(p) {
  const s = p.summary;
  document.title = '售后单 ' + s.caseId + ' · 售后';
  document.getElementById('title').textContent = '售后单 ' + s.caseId;
  document.getElementById('status').textContent = s.kindLabel + ' · ' + s.statusLabel + (s.outcomeLabel ? '（' + s.outcomeLabel + '）' : '');
  facts('summary', [['类型', s.kindLabel], ['状态', s.statusLabel], ['结果', s.outcomeLabel], ['订单编号', s.orderId],
    ['买家会员名', s.buyerId], ['开单', time(s.openedAt) + (p.openedBy ? '（' + p.openedBy + '）' : '')], ['结束', time(s.closedAt)]]);
  document.getElementById('description').textContent = p.description ? '买家反映：' + p.description : '';
  const problem = document.getElementById('orderProblem');
  problem.hidden = !p.orderProblem;
  problem.textContent = p.orderProblem || '';
  const o = p.order || {};
  facts('order', [['商品', o.itemTitle], ['数量', o.quantity], ['单价', yuan(o.itemPrice)], ['运费', yuan(o.postage)],
    ['实付', yuan(o.totalPaid)], ['已退款', o.refundedAmount > 0 ? yuan(o.refundedAmount) : ''], ['交易状态', o.tradeState],
    ['下单', time(o.createdAt)], ['付款', time(o.paidAt)], ['签收', time(o.signedAt)],
    ['快递', [o.carrier, o.trackingNumber].filter(Boolean).join(' ')], ['店铺', o.shopName]]);
  const m = p.marks;
  facts('marks', m ? [['旗帜', m.flag ? m.flag + (m.flagNote ? '：' + m.flagNote : '') : '无'], ['客服备注', m.internal || '—'],
    ['财务备注', m.finance || '—'], ['发货备注', m.shipping || '—']] : [['旗帜与备注', '店铺后台未提供，请在千牛查看']]);
  fill('trace', p.trace.slice().reverse(), [t => cell(time(t.time)), 'description']);
  fill('sameOrder', p.sameOrder, [caseLink, 'kindLabel', 'statusLabel', 'outcomeLabel', c => cell(time(c.openedAt))]);
  fill('sameBuyer', p.sameBuyer, [caseLink, 'kindLabel', 'orderId', 'statusLabel', c => cell(time(c.openedAt))]);
  const rows = fill('tasks', p.openTasks, ['name',
    t => cell(t.assignee || '待领取（' + (t.candidateGroups.join('、') || '无人') + '）'),
    t => cell(t.due ? time(t.due) + (t.overdue ? '（已逾期）' : '') : '无期限')]);
  p.openTasks.forEach((t, i) => rows[i].classList.toggle('overdue', t.overdue));
  if (p.openTasks.length === 0) fill('tasks', [{ name: '没有待办任务' }], ['name']);
  fill('timeline', p.timeline, [e => cell(time(e.occurredAt)), e => cell(e.stepName || e.step), 'actor', e => cell(e.detail, 'pre')]);
  fill('messages', p.messages, [x => cell(time(x.sentAt)), x => cell(CHANNELS[x.channel] || x.channel), 'sentBy', x => cell(x.text, 'pre')]);
}

function figure(photo) {
  const f = document.createElement('figure');
  f.dataset.photoId = String(photo.id);
  const a = document.createElement('a');
  a.href = photo.url;
  a.target = '_blank';
  a.rel = 'noopener';
  a.title = '打开原图';
  const img = document.createElement('img');
  img.src = photo.thumbnailUrl;
  img.alt = photo.fileName;
  img.loading = 'lazy';
  a.append(img);
  const caption = document.createElement('figcaption');
  caption.textContent = photo.kindLabel + ' · ' + photo.fileName + ' · ' + (photo.uploadedBy || '') + ' ' + time(photo.uploadedAt);
  f.append(a, caption);
  if (photo.status !== 'SHOWN') {
    f.classList.add('marked');
    const why = document.createElement('div');
    why.textContent = photo.statusLabel + '：' + (photo.statusReason || '') + '（' + (photo.statusBy || '') + '）';
    f.append(why, button('恢复', () => mark(photo, 'SHOWN')));
  } else {
    f.append(button('标记错误', () => askReason(photo, 'WRONG', f)), button('隐藏', () => askReason(photo, 'HIDDEN', f)));
  }
  return f;
}

function button(text, action, type = 'button') {
  const b = document.createElement('button');
  b.type = type;
  b.textContent = text;
  if (action) b.addEventListener('click', action);
  return b;
}

function renderPhotos(photos) {
  const shown = photos.filter(p => p.status === 'SHOWN');
  const marked = photos.filter(p => p.status !== 'SHOWN');
  document.getElementById('photoCount').textContent = '（有效 ' + shown.length + ' 张）';
  document.getElementById('shown').replaceChildren(...shown.map(figure));
  document.getElementById('hiddenPhotos').replaceChildren(...marked.map(figure));
  document.getElementById('hiddenCount').textContent = String(marked.length);
  document.getElementById('hiddenBox').hidden = marked.length === 0;
}

/** Asks for the reason in the photo's own card (Tasklist's sandbox allows no prompt dialogs). */
function askReason(photo, status, card) {
  card.querySelector('form')?.remove();
  const form = document.createElement('form');
  form.className = 'reason';
  const input = document.createElement('input');
  input.placeholder = status === 'WRONG' ? '为什么是错的？（必填）' : '为什么隐藏？（必填）';
  input.maxLength = 500;
  input.required = true;
  form.append(input, button('确定', null, 'submit'));
  form.addEventListener('submit', event => {
    event.preventDefault();
    mark(photo, status, input.value.trim());
  });
  card.append(form);
  input.focus();
}

async function mark(photo, status, reason = '') {
  try {
    await api(photo.url.replace(/^\/api/, '') + '/status', {
      method: 'POST', headers: JSON_HEADERS, body: JSON.stringify({ status, reason }),
    });
    say('photoMessage', '已更新照片 ' + photo.fileName);
    await refresh();
  } catch (e) {
    sayError('photoMessage', '操作失败：', e);
  }
}

/** Uploads the files one by one, so each one's refusal is told by its name. */
async function upload(files) {
  const list = Array.from(files || []);
  if (list.length === 0) return;
  const kind = document.getElementById('photoKind').value;
  const done = [];
  const failed = [];
  for (const file of list) {
    const form = new FormData();
    form.append('file', file, file.name || 'clipboard.png');
    form.append('kind', kind);
    say('photoMessage', '正在上传 ' + (file.name || '粘贴的图片') + ' ……');
    try {
      await api('/cases/' + encodeURIComponent(caseId) + '/photos', { method: 'POST', headers: HEADERS, body: form });
      done.push(file.name || '粘贴的图片');
    } catch (e) {
      failed.push(e.message);
    }
  }
  document.getElementById('photoFile').value = '';
  const text = (done.length ? '已上传 ' + done.length + ' 张。' : '') + (failed.length ? '未上传：' + failed.join('；') : '');
  say('photoMessage', text, failed.length > 0);
  await refresh();
}

async function refresh() {
  if (!caseId) return;
  try {
    const [page, photos] = await Promise.all([
      api('/cases/' + encodeURIComponent(caseId) + '/page'),
      api('/cases/' + encodeURIComponent(caseId) + '/photos'),
    ]);
    document.getElementById('page').hidden = false;
    const pageJson = JSON.stringify(page);
    if (pageJson !== lastPage) {
      lastPage = pageJson;
      render(page);
    }
    const photosJson = JSON.stringify(photos);
    if (photosJson !== lastPhotos) {
      lastPhotos = photosJson;
      renderPhotos(photos);
    }
    document.getElementById('updated').textContent = '更新于 ' + new Date().toLocaleTimeString('zh-CN');
    notice('');
  } catch (e) {
    if (lastPage) noticeError('刷新失败：', e);
    else refuse(e);
  }
}

async function search(q) {
  document.getElementById('results').hidden = false;
  document.getElementById('q').value = q;
  try {
    const found = await api('/cases/search?size=50&q=' + encodeURIComponent(q));
    fill('found', found, [caseLink, 'kindLabel', 'orderId', 'buyerId', 'statusLabel', c => cell(time(c.openedAt))]);
    say('resultMessage', found.length ? '找到 ' + found.length + ' 张售后单' : '没有找到“' + q + '”的售后单');
  } catch (e) {
    sayError('resultMessage', '查找失败：', e);
  }
}

document.getElementById('search').addEventListener('submit', event => {
  event.preventDefault();
  const q = document.getElementById('q').value.trim();
  if (q) location.href = '/cases?q=' + encodeURIComponent(q);
});

if (caseId) {
  const drop = document.getElementById('drop');
  document.getElementById('photoFile').addEventListener('change', e => upload(e.target.files));
  drop.addEventListener('dragover', e => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', e => {
    e.preventDefault();
    drop.classList.remove('over');
    upload(e.dataTransfer.files);
  });
  document.addEventListener('paste', e => {
    const files = Array.from(e.clipboardData?.files || []);
    if (files.length) {
      e.preventDefault();
      upload(files);
    }
  });
  refresh();
  setInterval(() => { if (!document.hidden) refresh(); }, REFRESH_MS);
  window.addEventListener('focus', refresh);
  document.addEventListener('visibilitychange', () => { if (!document.hidden) refresh(); });
} else if (params.get('q')) {
  search(params.get('q'));
} else {
  document.getElementById('results').hidden = false;
  say('resultMessage', '请输入售后单号、订单编号或买家会员名查找');
}
