// d3-funnel as its README shows it: one D3Funnel per container, draw() again on new data.
// Its default load animation is 0 (off); the options below only size it like the others.
import D3Funnel from 'd3-funnel';

let chart;
const options = { chart: { animate: 0 }, block: { minHeight: 12 }, label: { format: '{l}: {f}' } };
const toRows = (data) => data.map((s) => ({ label: s.name, value: s.value }));

window.bench = {
  render(container, data) {
    chart = new D3Funnel(container);
    chart.draw(toRows(data), options);
  },
  update(data) {
    chart.draw(toRows(data), options);
  },
};
