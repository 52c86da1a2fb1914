// The supervisors' view of a day: every agent's figures and submitted report, a bar chart drawn
// as plain SVG, and the day as .xlsx. Text goes in as text only.
import { api, cell, fill, say, sayError, refuse } from './common.js';
import { tasksText, time } from './day-figures.js';

const $ = id => document.getElementById(id);
const SVG = 'http://www.w3.org/2000/svg';

function svg(name, attrs, text) {
  const el = document.createElementNS(SVG, name);
  Object.entries(attrs).forEach(([k, v]) => el.setAttribute(k, v));
  if (text != null) el.textContent = text;
  return el;
}

/** Two bars per agent (tasks done, cases opened), scaled to the largest. */
function chart(agents) {
  const chartEl = $('chart');
  const row = 34, left = 110, width = 640;
  const max = Math.max(1, ...agents.map(a => Math.max(a.figures.tasksDoneTotal, a.figures.casesOpened)));
  const parts = [];
  agents.forEach((a, i) => {
    const y = 24 + i * row;
    parts.push(svg('text', { x: 0, y: y + 12, 'font-size': 12 }, a.name));
    [['tasksDoneTotal', '#b5152b', 0], ['casesOpened', '#4a7bb7', 14]].forEach(([key, color, dy]) => {
      const n = a.figures[key];
      const w = Math.round((n / max) * width);
      const bar = svg('rect', { x: left, y: y + dy, width: Math.max(w, 1), height: 12, fill: color });
      bar.dataset.agent = a.agent;
      bar.dataset.figure = key;
      bar.append(svg('title', {}, `${a.name} ${key === 'tasksDoneTotal' ? '完成任务' : '开单'} ${n}`));
      parts.push(bar, svg('text', { x: left + Math.max(w, 1) + 4, y: y + dy + 10, 'font-size': 11 }, String(n)));
    });
  });
  parts.push(svg('rect', { x: left, y: 4, width: 10, height: 10, fill: '#b5152b' }),
    svg('text', { x: left + 14, y: 13, 'font-size': 11 }, '完成任务'),
    svg('rect', { x: left + 80, y: 4, width: 10, height: 10, fill: '#4a7bb7' }),
    svg('text', { x: left + 94, y: 13, 'font-size': 11 }, '开单'));
  chartEl.setAttribute('height', 30 + agents.length * row);
  chartEl.replaceChildren(...parts);
}

function status(a) {
  if (a.report) return cell('已提交 ' + time(a.report.submittedAt));
  return cell(a.flagged ? '未提交（已提醒）' : '未提交', a.flagged ? 'bad' : '');
}

async function load(date) {
  const data = await api('/reports/day' + (date ? '?date=' + date : ''));
  $('date').value = data.date;
  $('range').textContent = `${data.date} ${time(data.from)}–${time(data.to)}`;
  $('export').href = '/api/reports/day/export.xlsx?date=' + data.date;
  const f = a => a.figures;
  fill('reports', data.agents, [
    a => cell(`${a.name}（${a.agent}）`),
    status,
    a => cell(f(a).tasksDoneTotal, 'num'),
    a => cell(tasksText(f(a))),
    a => cell(f(a).casesOpened, 'num'),
    a => cell(f(a).casesClosed, 'num'),
    a => cell(f(a).stillOpen, 'num'),
    a => cell(f(a).overdue, f(a).overdue > 0 ? 'num bad' : 'num'),
    a => cell(`${f(a).refundsAgreed} / ${Number(f(a).refundAmount).toFixed(2)}`),
    a => cell(f(a).dunningCalls, 'num'),
    a => cell(`${f(a).paymentsRecovered} / ${Number(f(a).amountRecovered).toFixed(2)}`),
    a => cell(`${f(a).followUpCalls}（${f(a).followUpsReached}/${f(a).followUpsRouted}）`),
    a => cell(f(a).handoversReceived, 'num'),
    a => cell(a.report?.note || '')
  ]).forEach((tr, i) => { tr.dataset.agent = data.agents[i].agent; });
  chart(data.agents);
  const missing = data.agents.filter(a => !a.report).length;
  say('message', `${data.agents.length} 位客服，已提交 ${data.agents.length - missing} 份，未提交 ${missing} 份`);
}

async function start() {
  const asked = new URLSearchParams(location.search).get('date');
  try {
    await load(asked);
  } catch (e) {
    refuse(e);
    return;
  }
  $('page').hidden = false;
  $('dayForm').addEventListener('submit', e => { e.preventDefault(); load($('date').value).catch(err => sayError('message', '', err)); });
}

start();
