// <sales-funnel> as a page would use it: the define module, then a `stages` property.
// Animations are off through the page's reduced-motion preference (the harness emulates it for
// every contender) and the `no-animation` attribute.
import '../../../src/elements/sales-funnel/define.ts';

let el;

window.bench = {
  async render(container, data) {
    el = document.createElement('sales-funnel');
    el.setAttribute('no-animation', '');
    el.stages = data;
    container.append(el);
    await el.updateComplete;
  },
  async update(data) {
    el.stages = data;
    await el.updateComplete;
  },
};
