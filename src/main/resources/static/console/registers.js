// One page for every register (GET /api/registers lists them with their columns and filters):
// filters, paging and the .xlsx export of the register API. Values go in as text only.
import { api, cell, fill, say, sayError, refuse } from './common.js';

const SIZE = 50;
let registers = [];
let current = null;
let page = 0;

const $ = id => document.getElementById(id);

/** A value as people read it: times in the shop's day, yes/no, money with two decimals. */
function text(name, value) {
  if (value == null) return '';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) {
    return value.substring(0, 10) + ' ' + value.substring(11, 16);
  }
  if (typeof value === 'number' && /amount/.test(name)) return value.toFixed(2);
  return String(value);
}

/** The filters as query parameters (only those the register takes). */
function query() {
  const q = new URLSearchParams();
  const add = (id, wanted = true) => { const v = $(id).value.trim(); if (wanted && v) q.set(id, v); };
  add('from');
  add('to');
  add('agent', current.byAgent);
  add('type', current.byType);
  add('orderId', current.byOrder);
  return q;
}

function choose(path) {
  current = registers.find(r => r.path === path) || registers[0];
  $('register').value = current.path;
  $('agentField').hidden = !current.byAgent;
  $('typeField').hidden = !current.byType;
  $('orderField').hidden = !current.byOrder;
  const head = document.querySelector('#rows thead tr');
  head.replaceChildren(...current.columns.map(c => {
    const th = document.createElement('th');
    th.textContent = c.label;
    return th;
  }));
}

async function load() {
  const q = query();
  $('export').href = `/api/registers/${current.path}/export.xlsx?${q}`;
  q.set('page', page);
  q.set('size', SIZE);
  history.replaceState(null, '', `?r=${current.path}`);
  try {
    const data = await api(`/registers/${current.path}?${q}`);
    const pages = Math.max(1, Math.ceil(data.total / SIZE));
    $('count').textContent = `${current.title}：共 ${data.total} 条`;
    $('pageInfo').textContent = `第 ${page + 1} / ${pages} 页`;
    $('prev').disabled = page === 0;
    $('next').disabled = page + 1 >= pages;
    fill('rows', data.rows, current.columns.map(c => row => cell(text(c.name, row[c.name]))));
    say('message', data.total === 0 ? '没有符合条件的记录' : '');
  } catch (e) {
    sayError('message', '查询失败：', e);
  }
}

async function start() {
  try {
    registers = await api('/registers');
  } catch (e) {
    refuse(e);
    return;
  }
  $('register').replaceChildren(...registers.map(r => {
    const o = document.createElement('option');
    o.value = r.path;
    o.textContent = r.title;
    return o;
  }));
  choose(new URLSearchParams(location.search).get('r'));
  $('page').hidden = false;
  $('register').addEventListener('change', () => { choose($('register').value); page = 0; load(); });
  $('filters').addEventListener('submit', e => { e.preventDefault(); page = 0; load(); });
  $('prev').addEventListener('click', () => { page = Math.max(0, page - 1); load(); });
  $('next').addEventListener('click', () => { page++; load(); });
  load();
}

start();
