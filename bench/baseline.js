// Vanilla-JavaScript baseline for scripts/bench.mjs (not part of the app). It renders the same catalogue as the
// self-check as plain DOM: topics, an item card per item with its badges, requirement, five status radios and a
// note, and an answered counter that updates on every change. Every item gets a full card, which is at least as
// much DOM as the app builds, so the comparison does not flatter the app.
const STATUSES = [
  ['done', '実施'], ['partial', '一部実施'], ['not_done', '未実施'], ['not_applicable', '対象外'], ['unknown', 'わからない'],
];
const LEVELS = { 1: 'レベル1', 2: 'レベル2', 3: 'レベル3' };
const IMPORTANCE = { high: '重要度 高', medium: '重要度 中', low: '重要度 低' };

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (name === 'class') node.className = value;
    else if (name === 'text') node.textContent = value;
    else node.setAttribute(name, value);
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

function card(item) {
  const dom = `b-${item.id}`;
  const statuses = el('fieldset', { class: 'b-statuses' }, el('legend', { text: '状況' }));
  for (const [key, label] of STATUSES) {
    const id = `${dom}-s-${key}`;
    statuses.append(el('span', { class: 'b-status' },
      el('input', { type: 'radio', id, name: `${dom}-status`, value: key, 'data-item': item.id, 'data-testid': `status-${item.id}-${key}` }),
      el('label', { for: id, text: label })));
  }
  const guidance = el('details', { class: 'b-guidance' }, el('summary', { text: '解説と例' }));
  guidance.addEventListener('toggle', () => {
    if (guidance.open && guidance.childElementCount === 1) guidance.append(el('p', { text: item.guidance.ja }));
  });
  return el('article', { class: 'b-card', 'aria-labelledby': `${dom}-title`, 'data-testid': `item-${item.id}` },
    el('div', {},
      el('span', { class: `b-badge b-badge-l${item.level}`, text: LEVELS[item.level] }),
      item.checksheet ? el('span', { class: 'b-badge', text: `チェックシート ${item.checksheet}` }) : null,
      el('span', { class: 'b-badge', text: IMPORTANCE[item.importance] })),
    el('h3', { id: `${dom}-title`, text: item.title.ja }),
    el('p', { text: item.requirement.ja }),
    el('dl', { class: 'b-meta' },
      el('dt', { text: '対象' }), el('dd', { text: item.forms.join(' / ') }),
      el('dt', { text: '想定する脅威' }), el('dd', { text: item.threats.join('、') })),
    guidance,
    statuses,
    el('div', { class: 'b-field' },
      el('label', { for: `${dom}-note`, text: 'メモ（現状、根拠となる記録など）' }),
      el('textarea', { id: `${dom}-note`, rows: '2', 'data-testid': `note-${item.id}` })));
}

async function main() {
  const response = await fetch(new URL('../content/catalogue.json', import.meta.url));
  const catalogue = await response.json();
  const main = document.getElementById('topics');
  const counter = document.querySelector('[data-testid=answered]');
  const answers = new Map();
  const total = catalogue.items.length;
  const showCount = () => { counter.textContent = `${answers.size} / ${total}`; };

  const fragment = document.createDocumentFragment();
  for (const topic of catalogue.topics) {
    const list = el('ul', { class: 'b-cards', role: 'list' });
    for (const item of catalogue.items) if (item.topic === topic.id) list.append(el('li', {}, card(item)));
    fragment.append(el('section', { class: 'b-topic', 'data-testid': `topic-${topic.id}` },
      el('h2', {}, el('span', { class: 'b-mark', text: topic.mark }), topic.title.ja),
      el('p', { class: 'b-topic-summary', text: topic.summary.ja }),
      list));
  }
  main.append(fragment);
  main.removeAttribute('aria-busy');
  showCount();

  main.addEventListener('change', (event) => {
    const input = event.target;
    if (input.type !== 'radio') return;
    answers.set(input.dataset.item, input.value);
    input.closest('.b-card').classList.toggle('b-done', input.value === 'done');
    showCount();
    // Keep the answers like the app does, so both pay for saving on every change.
    try { localStorage.setItem('tics-bench-baseline', JSON.stringify([...answers])); } catch { /* storage blocked */ }
  });
}

main();
