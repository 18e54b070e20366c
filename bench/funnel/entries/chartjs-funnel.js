// Chart.js + chartjs-chart-funnel, registering only what a funnel needs (the plugin README's
// "Variant A"), with animations off and no resize animation.
import { Chart, CategoryScale, LinearScale } from 'chart.js';
import { FunnelController, TrapezoidElement } from 'chartjs-chart-funnel';

Chart.register(FunnelController, TrapezoidElement, LinearScale, CategoryScale);

let chart;

window.bench = {
  render(container, data) {
    const canvas = document.createElement('canvas');
    container.append(canvas);
    chart = new Chart(canvas, {
      type: 'funnel',
      data: {
        labels: data.map((s) => s.name),
        datasets: [{ data: data.map((s) => s.value), backgroundColor: '#1f6feb' }],
      },
      options: { animation: false, maintainAspectRatio: false, indexAxis: 'y' },
    });
  },
  update(data) {
    chart.data.datasets[0].data = data.map((s) => s.value);
    chart.update();
  },
};
