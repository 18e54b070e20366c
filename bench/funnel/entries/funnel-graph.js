// FunnelGraph.js with both of its style sheets (its README: the theme is needed to display
// it correctly). The package's `main` points at a file it does not ship, so a bundler user
// imports its ES source. Its constructor rejects an element (it checks the wrong field),
// hence the selector. Its default (horizontal) layout is the one its theme is made for.
// No data animation exists to disable.
import FunnelGraph from 'funnel-graph-js/src/js/main.js';
import 'funnel-graph-js/dist/css/main.min.css';
import 'funnel-graph-js/dist/css/theme.min.css';

let graph;
const toData = (data) => ({
  labels: data.map((s) => s.name),
  colors: ['#1f6feb', '#6ea8fe'],
  values: data.map((s) => s.value),
});

window.bench = {
  render(container, data) {
    if (!container.id) container.id = `funnel-graph-${Math.random().toString(36).slice(2)}`;
    graph = new FunnelGraph({
      container: `#${container.id}`,
      data: toData(data),
      displayPercent: true,
    });
    graph.draw();
  },
  update(data) {
    graph.updateData(toData(data));
  },
};
