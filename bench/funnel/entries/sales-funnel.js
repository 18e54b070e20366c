// <sales-funnel> as a page would use it: the define module, then a `stages` property.
// Animations are off through the page's reduced-motion preference (the harness emulates it for
// every contender) and the `no-animation` attribute.
import '../../../src/elements/sales-funnel/define.ts';

let el;

// `updateComplete` resolves false when the update asked for another one (e.g. after measuring
// its labels): wait for the element to settle, so that work is timed too.
async function settled() {
  for (let i = 0; i < 10; i += 1) if (await el.updateComplete) return;
  throw new Error('<sales-funnel> keeps asking for updates');
}

window.bench = {
  async render(container, data) {
    el = document.createElement('sales-funnel');
    el.setAttribute('no-animation', '');
    el.stages = data;
    container.append(el);
    await settled();
  },
  async update(data) {
    el.stages = data;
    await settled();
  },
};
