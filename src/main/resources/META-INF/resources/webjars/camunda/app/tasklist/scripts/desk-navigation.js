// Tasklist navbar plugin (tasklist.navbar.action): the shop's shared menu, holding the pages the
// signed-in user's groups may use (GET /api/me/navigation, the same menu as our own pages).
const STYLE = `
.aftersales-menu { position: relative; display: inline-block; }
.aftersales-menu summary { cursor: pointer; list-style: none; padding: 0 .6em; }
.aftersales-menu summary::-webkit-details-marker { display: none; }
.aftersales-menu ul { position: absolute; right: 0; z-index: 1000; min-width: 11em; margin: .3em 0 0;
  padding: .3em 0; list-style: none; background: #fff; border: 1px solid #ccc; border-radius: 4px;
  box-shadow: 0 2px 6px rgba(0,0,0,.15); }
.aftersales-menu li a { display: block; padding: .35em 1em; color: #333; white-space: nowrap; }
.aftersales-menu li a:hover { background: #f2f2f2; text-decoration: none; }
`;

function render(node) {
  if (!document.getElementById('aftersales-menu-style')) {
    const style = document.createElement('style');
    style.id = 'aftersales-menu-style';
    style.textContent = STYLE;
    document.head.append(style);
  }
  const details = document.createElement('details');
  details.className = 'aftersales-menu';
  details.id = 'aftersales-menu';
  const summary = document.createElement('summary');
  summary.textContent = '售后导航 ▾';
  const list = document.createElement('ul');
  details.append(summary, list);
  node.append(details);
  fetch('/api/me/navigation', { credentials: 'same-origin' })
    .then(r => (r.ok ? r.json() : { items: [] }))
    .then(menu => {
      list.replaceChildren(...menu.items
        .filter(item => item.key !== 'tasklist')
        .map(item => {
          const a = document.createElement('a');
          a.href = item.href;
          a.textContent = item.label;
          a.dataset.nav = item.key;
          const li = document.createElement('li');
          li.append(a);
          return li;
        }));
      details.hidden = list.childElementCount === 0;
    })
    .catch(() => { details.hidden = true; });
}

export default {
  id: 'aftersales.navigation',
  pluginPoint: 'tasklist.navbar.action',
  priority: 100,
  render
};
