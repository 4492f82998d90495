// A generated overlay for tests of large catalogues: `count` level-1 items for every business, spread over the
// standard topics, added to the 103 standard items.
const TOPICS = ['identify', 'mark', 'manager', 'process', 'training', 'incident', 'access', 'physical', 'electronic', 'thirdparty'];

export function largeOverlay(count) {
  return {
    format: 'tics-self-check-overlay', format_version: 1, id: 'large', version: '1',
    items: Array.from({ length: count }, (_, i) => ({
      id: `large-${i}`,
      topic: TOPICS[i % TOPICS.length],
      title: { ja: `追加の確認項目 ${i}`, en: `Extra item ${i}` },
      requirement: { ja: `追加の確認項目 ${i} の内容。`, en: `What extra item ${i} asks for.` },
      level: 1, importance: 'medium', forms: ['any'], threats: ['insider'],
      guidance: { ja: '解説', en: 'Guidance' }, examples: { ja: '例', en: 'Example' },
    })),
  };
}

/** Mounts the widget from the page's own build into a new element `#id` with the overlay and options. */
export async function mountWithOverlay(page, id, overlay, options = {}) {
  const entry = await page.evaluate(() => document.querySelector('script[type=module][integrity]').src);
  await page.evaluate(async ([src, hostId, o, opts]) => {
    const { mount } = await import(src);
    const host = document.createElement('div');
    host.id = hostId;
    document.body.append(host);
    await mount(host, { overlay: o, ...opts });
  }, [entry, id, overlay, options]);
  const host = page.locator(`#${id}`);
  await host.getByTestId('app').waitFor();
  return host;
}
