// The agent's day report: the day's figures from the history, a note, and the submission
// (seed 004: 每日下午5:00提交自己当日工作事宜).
import { JSON_HEADERS, api, cell, fill, say, sayError, refuse } from './common.js';
import { FIGURES, value, tasksText, time } from './day-figures.js';

const $ = id => document.getElementById(id);
let today = null;

async function load(date) {
  const data = await api('/reports/day' + (date ? '?date=' + date : ''));
  const me = data.agents[0];
  if (!today) today = data.date;
  $('date').value = data.date;
  $('range').textContent = `${data.date} ${time(data.from)}–${time(data.to)}`;
  fill('figures', FIGURES, [([, label]) => cell(label), ([key, , money]) => cell(value(me?.figures, key, money), 'num')]);
  $('tasks').textContent = tasksText(me?.figures) || '无';
  const isToday = data.date === today;
  $('submitForm').hidden = !isToday;
  $('due').textContent = isToday
    ? `请在 ${data.dueAt.substring(0, 5)}（或本班下班）前提交；提交后仍可修改再提交。`
    : '只能提交当天的日报。';
  if (me?.report) {
    $('note').value = me.report.note;
    say('message', `已于 ${time(me.report.submittedAt)} 提交`);
  } else {
    if (!isToday) $('note').value = '';
    say('message', me?.flagged ? '未按时提交，已提醒主管' : '尚未提交', !!me?.flagged);
  }
  return data;
}

async function submit(e) {
  e.preventDefault();
  $('submit').disabled = true;
  try {
    const r = await api('/reports/day', { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify({ note: $('note').value }) });
    say('message', `已于 ${time(r.submittedAt)} 提交`);
  } catch (err) {
    sayError('message', '提交失败：', err);
  } finally {
    $('submit').disabled = false;
  }
}

async function start() {
  try {
    await load();
  } catch (e) {
    refuse(e);
    return;
  }
  $('page').hidden = false;
  $('dayForm').addEventListener('submit', e => { e.preventDefault(); load($('date').value).catch(err => sayError('message', '', err)); });
  $('submitForm').addEventListener('submit', submit);
}

start();
