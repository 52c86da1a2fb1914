// Shared by the console pages: calls to /api with the Tasklist session, table cells, and how a
// page tells the person what went wrong. Text goes in with textContent only.

/** Changes made with the Tasklist session need this header next to the cookie. */
export const HEADERS = { 'X-Aftersales-Console': '1' };
export const JSON_HEADERS = { ...HEADERS, 'Content-Type': 'application/json' };

/** Thrown when the session is missing; the page already shows its log-in prompt. */
class LoginNeeded extends Error {}

/** Calls /api and returns the JSON answer; a refusal throws with the server's own explanation. */
export async function api(path, options = {}) {
  let response;
  try {
    response = await fetch('/api' + path, { credentials: 'same-origin', ...options });
  } catch {
    throw new Error('连不上服务器，请检查网络后重试');
  }
  if (response.status === 401) {
    document.getElementById('login').hidden = false;
    document.querySelector('main').hidden = true;
    throw new LoginNeeded('请先登录');
  }
  const json = response.headers.get('content-type')?.includes('json');
  const body = json ? await response.json().catch(() => null) : null;
  if (!response.ok) {
    throw new Error(body?.detail || body?.message || body?.title || '请求失败（' + response.status + '）');
  }
  return body;
}

/** A table cell holding text. */
export function cell(text, cls) {
  const td = document.createElement('td');
  td.textContent = text == null ? '' : String(text);
  if (cls) td.className = cls;
  return td;
}

/** Fills a table's body, one row per item; a column is a key or item => <td>. Returns the rows. */
export function fill(tableId, items, columns) {
  const rows = items.map(item => {
    const tr = document.createElement('tr');
    tr.append(...columns.map(c => (typeof c === 'function' ? c(item) : cell(item[c]))));
    return tr;
  });
  document.querySelector('#' + tableId + ' tbody').replaceChildren(...rows);
  return rows;
}

/** Writes the outcome of a form next to it (element id); errors in red. */
export function say(id, text, error = false) {
  const m = document.getElementById(id);
  m.textContent = text;
  m.className = 'message' + (error ? ' error' : '');
}

/** Writes why a call failed next to its form, e.g. sayError('rosterMessage', '保存失败：', e). */
export function sayError(id, prefix, e) {
  if (!(e instanceof LoginNeeded)) say(id, prefix + e.message, true);
}

/** The page's one notice bar under the header, for failures of work nobody clicked (refreshes). */
export function notice(text) {
  let bar = document.getElementById('notice');
  if (!bar && !text) return;
  if (!bar) {
    bar = document.createElement('p');
    bar.id = 'notice';
    bar.setAttribute('role', 'alert');
    document.querySelector('header').after(bar);
  }
  bar.textContent = text;
  bar.hidden = !text;
}

/** Shows why a background call failed in the notice bar. */
export function noticeError(prefix, e) {
  if (!(e instanceof LoginNeeded)) notice(prefix + e.message);
}

/** A refusal on opening (e.g. the wrong role) replaces the page with the reason. */
export function refuse(e) {
  if (e instanceof LoginNeeded) return;
  const login = document.getElementById('login');
  login.textContent = e.message;
  login.hidden = false;
}
