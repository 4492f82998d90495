// Mounts the widget from ../dist/ with a generated overlay: the standard catalogue's 103 items plus ADDED items,
// 1,000 in all. Each added item is level 1 and applies to every business (forms ["any"]), so each is in the
// self-check and shown as a full card. Texts are about as long as the standard items' texts.
// Query parameters: ?items=N sets the total (default 1000).
const TOPICS = ['identify', 'mark', 'manager', 'process', 'training', 'incident', 'access', 'physical', 'electronic', 'thirdparty'];
const THREATS = ['insider', 'leaver', 'partner', 'outsider', 'malware'];
const IMPORTANCE = ['high', 'medium', 'low'];
const BASE_ITEMS = 103;

function text(n, ja, en) {
  return { ja: `${ja}（生成項目 ${n}）`, en: `${en} (generated item ${n})` };
}

export function makeOverlay(total = 1000) {
  const items = [];
  for (let i = 1; i <= total - BASE_ITEMS; i += 1) {
    const n = String(i).padStart(4, '0');
    items.push({
      id: `bench-${n}`,
      topic: TOPICS[i % TOPICS.length],
      title: text(n, '管理台帳の記載内容を定期的に確認している', 'The register is checked regularly'),
      requirement: text(n,
        '重要情報の管理台帳について、記載された保管場所・管理者・アクセス権者が実態と合っているかを、決めた頻度で確認し、結果を記録している。',
        'The register of important information is checked at a set interval: the storage places, the managers and the people with access it lists match reality, and the result of each check is recorded.'),
      level: 1,
      importance: IMPORTANCE[i % IMPORTANCE.length],
      forms: ['any'],
      threats: [THREATS[i % THREATS.length], THREATS[(i + 2) % THREATS.length]],
      guidance: text(n,
        '台帳は作っただけでは古くなります。\n\n- 確認の頻度（例：半年に一度）と担当者を決める\n- 実物・実際の保存先と突き合わせる\n- 差異があれば台帳と運用の両方を直し、**記録に残す**\n\n確認の記録は、審査や取引先への説明の裏付けになります。',
        'A register goes stale unless someone checks it.\n\n- Decide how often (for example twice a year) and who checks\n- Compare it with the real objects and storage places\n- Fix both the register and the practice where they differ, and **keep a record**\n\nThe records of these checks are what you show to auditors and customers.'),
      examples: text(n,
        '- 半期ごとに管理者が台帳と保管庫を照合し、確認日と結果を台帳に記入する\n- 異動・退職のたびにアクセス権者の欄を更新する',
        '- Every half year the manager compares the register with the cabinets and writes the date and result into it\n- The list of people with access is updated whenever someone moves or leaves'),
    });
  }
  return {
    format: 'tics-self-check-overlay',
    format_version: 1,
    id: 'bench-thousand',
    version: '1',
    items,
  };
}

async function main() {
  const total = Number(new URLSearchParams(location.search).get('items') ?? 1000);
  const dist = new URL('../dist/', import.meta.url);
  const manifest = await (await fetch(new URL('widget-manifest.json', dist))).json();
  const widget = await import(new URL(manifest.entry, dist).href);
  const overlay = makeOverlay(total);
  window.ticsBench = { widget, total };
  window.ticsBench.handle = await widget.mount(document.getElementById('self-check'), {
    lang: 'ja',
    mode: 'self-check',
    namespace: 'tics-bench:thousand',
    overlay,
  });
}

main().catch((e) => {
  console.error('thousand.js:', e);
  window.ticsBench = { error: String(e) };
});
