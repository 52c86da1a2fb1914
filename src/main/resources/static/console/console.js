// Supervisor console: reads /api with the Tasklist session; refreshes itself every 30 s.
import { JSON_HEADERS, api, cell, fill, say, sayError, noticeError, notice, refuse } from './common.js';

const OUTCOMES = { MOVED: '已交接', ALREADY_MOVED: '已被他人处理', GONE: '已完成', FAILED: '失败' };
let chart;
let shifts = [];
let team = [];

const num = key => row => cell(row[key], 'num' + (key === 'overdue' && row[key] > 0 ? ' bad' : ''));

function options(selectId, items, blank) {
  const select = document.getElementById(selectId);
  const keep = select.value;
  select.replaceChildren(...(blank ? [new Option(blank, '')] : []), ...items.map(([value, label]) => new Option(label, value)));
  if ([...select.options].some(o => o.value === keep)) select.value = keep;
}

async function refresh() {
  const summary = await api('/console/summary');
  document.getElementById('board').hidden = false;
  document.getElementById('updated').textContent = '更新于 ' + new Date(summary.at).toLocaleTimeString('zh-CN');
  fill('queues', summary.queues, ['name', num('open'), num('unassigned'), num('dueSoon'), num('overdue')]);
  fill('agents', summary.agents, [r => cell(r.name + '（' + r.key + '）'), num('open'), num('dueSoon'), num('overdue')]);
  fill('deadlines', summary.deadlines, ['name', num('open'), num('unassigned'), num('dueSoon'), num('overdue')]);
  showShop(summary.shop);
  showNotices(summary.notices || []);
  team = summary.team;
  const people = team.map(a => [a.id, a.name + '（' + a.id + '）']);
  options('fromAgent', people, '（按班次）');
  options('toAgent', people);
  options('rosterUser', people);
  drawChart(summary.queues);
  const roster = await api('/roster?week=' + encodeURIComponent(document.getElementById('rosterWeek').value));
  const shiftName = code => (shifts.find(s => s.code === code) || { name: code }).name;
  const name = id => (team.find(a => a.id === id) || { name: id }).name;
  fill('roster', roster, [r => cell(name(r.userId) + '（' + r.userId + '）'), r => cell(shiftName(r.shift))]);
}

/** What waits for someone to act on it (e.g. platform refunds that opened no case). */
function showNotices(notices) {
  const list = document.getElementById('shopNotices');
  list.replaceChildren(
    ...notices.map((n) => {
      const item = document.createElement('li');
      // text only: a notice carries the platform's words, never markup
      item.textContent = n.text;
      return item;
    })
  );
  list.hidden = notices.length === 0;
}

/** When the shop was last heard from, and a warning when its session expired or a round failed. */
function showShop(shop) {
  const local = !shop || shop.adapter !== 'taobao';
  document.getElementById('shopAdapter').textContent = local ? '本地演示后台（不接收平台消息）' : '淘宝开放平台';
  document.getElementById('shopHeard').textContent =
    shop && shop.lastHeard ? new Date(shop.lastHeard).toLocaleString('zh-CN') : (local ? '—' : '尚未收到');
  const warning = document.getElementById('shopWarning');
  warning.textContent = shop && shop.warning ? shop.warning : '';
  warning.hidden = !(shop && shop.warning);
}

function drawChart(queues) {
  const data = {
    labels: queues.map(q => q.name),
    datasets: [
      { label: '未完成', data: queues.map(q => q.open), backgroundColor: '#5b8def' },
      { label: '已逾期', data: queues.map(q => q.overdue), backgroundColor: '#b5152b' }
    ]
  };
  if (chart) {
    chart.data = data;
    chart.update();
  } else {
    chart = new Chart(document.getElementById('queueChart'), {
      type: 'bar', data, options: { maintainAspectRatio: false, animation: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
    });
  }
}

/** Refreshes the board; a failure shows in the notice bar and the board keeps its last numbers. */
async function refreshQuietly() {
  try {
    await refresh();
    notice('');
  } catch (e) {
    noticeError('刷新失败，显示的是上次的数据：', e);
  }
}

async function handOver(event) {
  event.preventDefault();
  const fromAgent = document.getElementById('fromAgent').value;
  const body = {
    fromAgents: fromAgent ? [fromAgent] : [],
    fromShift: document.getElementById('fromShift').value || null,
    target: document.getElementById('target').value,
    toAgent: document.getElementById('toAgent').value || null,
    toShift: document.getElementById('toShift').value || null,
    note: document.getElementById('note').value
  };
  let result;
  try {
    result = await api('/shifts/handover', { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify(body) });
  } catch (e) {
    sayError('handoverMessage', '交接失败：', e);
    return;
  }
  say('handoverMessage', '已交接 ' + result.moved + ' 个任务');
  document.getElementById('handoverResult').hidden = false;
  fill('handoverResult', result.tasks, ['taskName', 'caseId', 'from', r => cell(r.to || '组任务池'), r => cell(OUTCOMES[r.outcome] + (r.message ? '：' + r.message : ''))]);
  await refreshQuietly();
}

async function saveRoster(event) {
  event.preventDefault();
  const body = { week: document.getElementById('rosterWeek').value, userId: document.getElementById('rosterUser').value, shift: document.getElementById('rosterShift').value };
  try {
    await api('/roster', { method: 'PUT', headers: JSON_HEADERS, body: JSON.stringify(body) });
  } catch (e) {
    sayError('rosterMessage', '保存失败：', e);
    return;
  }
  say('rosterMessage', '已保存排班');
  await refreshQuietly();
}

/** The Monday of this week and of next week (the server counts weeks from Monday as well). */
function rosterWeeks() {
  const monday = new Date();
  monday.setDate(monday.getDate() - ((monday.getDay() + 6) % 7));
  const next = new Date(monday);
  next.setDate(monday.getDate() + 7);
  const iso = d => d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0');
  options('rosterWeek', [[iso(monday), '本周（' + iso(monday) + ' 起）'], [iso(next), '下周（' + iso(next) + ' 起）']]);
  return iso(next);
}

async function rotateNextWeek() {
  const next = rosterWeeks();
  let result;
  try {
    result = await api('/roster/rotation?week=' + encodeURIComponent(next), { method: 'POST' });
  } catch (e) {
    sayError('rosterMessage', '生成失败：', e);
    return;
  }
  document.getElementById('rosterWeek').value = next;
  say('rosterMessage', result.skippedBecause ? '未生成：' + result.skippedBecause : '已按轮换生成下周排班（' + result.assigned + ' 人），可继续调整');
  await refreshQuietly();
}

async function start() {
  try {
    shifts = (await api('/shifts')).shifts;
    const choices = shifts.map(s => [s.code, s.name + '（' + s.starts.slice(0, 5) + '–' + s.ends.slice(0, 5) + '）']);
    options('fromShift', choices, '—');
    options('toShift', choices);
    options('rosterShift', choices);
    rosterWeeks();
    await refresh();
  } catch (e) {
    refuse(e);
    return;
  }
  setInterval(refreshQuietly, 30000);
}

document.getElementById('handover').addEventListener('submit', handOver);
document.getElementById('rosterForm').addEventListener('submit', saveRoster);
document.getElementById('rosterWeek').addEventListener('change', refreshQuietly);
document.getElementById('rotateButton').addEventListener('click', rotateNextWeek);
start();
