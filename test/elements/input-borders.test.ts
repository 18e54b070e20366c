import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/sales-pipeline/define.js';
import '../../src/elements/sales-simulator/define.js';
import { createMemoryRepository } from '../../src/store/memory-repository.js';
import { backgroundBehind, contrast } from './colour.js';
import { PIPELINE, seed, THREE } from './sales-pipeline/helpers.js';

// WCAG 1.4.11: a text field's border is the only cue for where to type, so it keeps 3:1
// against the field's own background and against what is around it, in both themes.

/** Each text field and select of `el`, with its border's contrast on both sides. */
function borderContrasts(el: HTMLElement) {
  const fields = el.shadowRoot!.querySelectorAll<HTMLElement>(
    'input:not([type="checkbox"]):not([type="range"]):not([type="file"]), select, textarea',
  );
  return [...fields]
    .filter((f) => f.getBoundingClientRect().width > 0)
    .map((f) => {
      const border = getComputedStyle(f).borderTopColor;
      const inside = backgroundBehind(f);
      const around = backgroundBehind(f.parentElement!);
      const name = f.getAttribute('aria-label') ?? f.id ?? f.localName;
      return { name, inside: contrast(border, inside), around: contrast(border, around) };
    });
}

/** At least `fewest` fields of `el` shown, each border 3:1 on both of its sides. */
function expectBorders(el: HTMLElement, fewest: number): void {
  const found = borderContrasts(el);
  expect(found.length).to.be.greaterThan(fewest);
  for (const f of found) {
    expect(f.inside, `${f.name} on its own background`).to.be.at.least(3);
    expect(f.around, `${f.name} on what surrounds it`).to.be.at.least(3);
  }
}

for (const theme of ['light', 'dark'] as const) {
  describe(`text field borders, ${theme} theme`, () => {
    it('<sales-pipeline>: toolbar and deal dialog fields at least 3:1', async () => {
      const repo = createMemoryRepository();
      await seed(repo, THREE);
      const el = await fixture<HTMLElement & { updateComplete: Promise<boolean> }>(
        html`<sales-pipeline
          lang="en"
          theme=${theme}
          pipeline=${PIPELINE}
          .repository=${repo}
        ></sales-pipeline>`,
      );
      await el.updateComplete;
      el.shadowRoot!.querySelector<HTMLButtonElement>('button.primary')!.click();
      await el.updateComplete;
      expectBorders(el, 5);
    });

    it('<sales-simulator>: every field at least 3:1', async () => {
      const el = await fixture<HTMLElement & { updateComplete: Promise<boolean> }>(
        html`<sales-simulator
          lang="en"
          theme=${theme}
          .repository=${createMemoryRepository()}
        ></sales-simulator>`,
      );
      await el.updateComplete;
      expectBorders(el, 10);
    });
  });
}
