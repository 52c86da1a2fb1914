// The shared menu of our pages: the links the signed-in user's groups may use
// (GET /api/me/navigation), put into the page header's <nav>. Text goes in as text only.
async function menu() {
  const nav = document.querySelector('header nav');
  if (!nav) return;
  let data;
  try {
    const r = await fetch('/api/me/navigation', { credentials: 'same-origin' });
    if (!r.ok) return; // not signed in: the page shows its own log-in prompt
    data = await r.json();
  } catch {
    return;
  }
  const here = document.body.dataset.page;
  const links = data.items.map(item => {
    const a = document.createElement('a');
    a.href = item.href;
    a.textContent = item.label;
    a.dataset.nav = item.key;
    if (item.key === here) a.setAttribute('aria-current', 'page');
    return a;
  });
  const who = document.createElement('span');
  who.className = 'muted';
  who.textContent = data.name;
  nav.id = 'menu';
  nav.setAttribute('aria-label', '导航');
  nav.replaceChildren(...links, who);
}

menu();
