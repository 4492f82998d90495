// The second widget, mounted from JavaScript. It asks for the completion event with only two fields.
import { mount } from '__WIDGET_ENTRY__';

const host = document.getElementById('guest-check');
const handle = await mount(host, {
  lang: 'en',
  namespace: 'die-mould:guest',
  completeEvent: ['overallScore', 'attainedLevel'],
});

host.addEventListener('tics-self-check-complete', (event) => {
  const item = document.createElement('li');
  item.textContent = `Completed: ${JSON.stringify(event.detail)}`;
  document.getElementById('events').append(item);
});

document.getElementById('destroy-guest').addEventListener('click', () => {
  handle.destroy();
  host.remove();
});
