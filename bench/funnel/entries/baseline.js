// Not a contender: draws nothing, so its row is the harness's own floor (a frame with no
// change, plus the cost of the probes).
window.bench = {
  render(container) {
    container.textContent = '';
  },
  update() {},
};
