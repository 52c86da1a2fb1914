// Tasklist plugins of the agent's desk (loaded through customScripts in config.js):
// - a task-detail tab "售后单" showing the case page of the task's case beside the form;
// - a navbar search for a case by its id, order number or buyer (opens /cases).
// Data reaches the page as text only; the tab shows our own page in a frame of the same origin.

async function caseOfTask(taskId) {
  const response = await fetch('/api/cases/of-task/' + encodeURIComponent(taskId), { credentials: 'same-origin' });
  if (!response.ok) return null;
  return (await response.json()).caseId;
}

function taskIdFromAddress() {
  const match = /[?&]task=([^&]+)/.exec(window.location.hash || '');
  return match ? decodeURIComponent(match[1]) : null;
}

const caseTab = {
  id: 'aftersales.caseTab',
  pluginPoint: 'tasklist.task.detail',
  priority: 900,
  render: (node, props) => {
    const taskId = (props && props.taskId) || taskIdFromAddress();
    const note = document.createElement('p');
    note.className = 'aftersales-case-note';
    note.textContent = '正在读取售后单……';
    node.replaceChildren(note);
    if (!taskId) {
      note.textContent = '找不到当前任务';
      return;
    }
    caseOfTask(taskId).then(caseId => {
      if (!caseId) {
        note.textContent = '这个任务不属于任何售后单';
        return;
      }
      const link = document.createElement('a');
      link.href = '/cases/' + encodeURIComponent(caseId);
      link.target = '_blank';
      link.rel = 'noopener';
      link.textContent = '在新窗口打开售后单 ' + caseId;
      note.replaceChildren(link);
      const frame = document.createElement('iframe');
      frame.className = 'aftersales-case-frame';
      frame.title = '售后单 ' + caseId;
      frame.src = '/cases/' + encodeURIComponent(caseId) + '?embed=1';
      frame.style.width = '100%';
      frame.style.height = '70vh';
      frame.style.border = '1px solid #e2e4e8';
      node.append(frame);
    }, () => {
      note.textContent = '读取售后单失败，请刷新页面';
    });
  },
  properties: { label: '售后单' },
};

const caseSearch = {
  id: 'aftersales.caseSearch',
  pluginPoint: 'tasklist.navbar.action',
  priority: 900,
  render: node => {
    const form = document.createElement('form');
    form.className = 'aftersales-case-search navbar-form';
    form.setAttribute('role', 'search');
    const input = document.createElement('input');
    input.className = 'form-control input-sm';
    input.name = 'q';
    input.maxLength = 100;
    input.placeholder = '查找售后单/订单/买家';
    input.setAttribute('aria-label', '查找售后单：售后单号、订单编号或买家会员名');
    form.append(input);
    form.addEventListener('submit', event => {
      event.preventDefault();
      const q = input.value.trim();
      if (q) window.open('/cases?q=' + encodeURIComponent(q), '_blank', 'noopener');
    });
    node.replaceChildren(form);
  },
};

export default [caseTab, caseSearch];
