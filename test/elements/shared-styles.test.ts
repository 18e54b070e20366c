import { expect } from '@open-wc/testing';
import { DARK, LIGHT } from '../../src/elements/shared-styles.js';
import { styles as forecast } from '../../src/elements/sales-forecast/sales-forecast.styles.js';
import { styles as funnel } from '../../src/elements/sales-funnel/sales-funnel.styles.js';
import { styles as pipeline } from '../../src/elements/sales-pipeline/sales-pipeline.styles.js';
import { styles as simulator } from '../../src/elements/sales-simulator/sales-simulator.styles.js';
import { styles as workspace } from '../../src/elements/sales-workspace/sales-workspace.styles.js';

type Token = keyof typeof LIGHT;

/** `--sales-surface-alt` → `surfaceAlt`, the palette's key. */
const key = (token: string): string =>
  token.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * Every built-in default behind a shared token: `var(--sales-<token>, #rrggbb)`, or both of
 * `var(--sales-<token>, light-dark(#rrggbb, #rrggbb))`.
 */
function defaults(cssText: string): { token: string; value: string }[] {
  const hex = '#[0-9a-f]{6}';
  const pattern = new RegExp(
    `var\\(--sales-([a-z-]+),\\s*(?:(${hex})|light-dark\\((${hex}),\\s*(${hex})\\))\\)`,
    'g',
  );
  return [...cssText.matchAll(pattern)].flatMap((m) =>
    [m[2], m[3], m[4]].filter(Boolean).map((value) => ({ token: m[1], value })),
  );
}

/** The values each element keeps on purpose (see the comments in its style module). */
const OWN: Record<string, string[]> = {
  funnel: ['accent-soft #7cb3f7', 'accent-soft #3570d4', 'border #374151'],
  simulator: ['border #374151'],
  pipeline: ['surface-alt #f3f4f6', 'surface #0f172a', 'warning #b45309', 'warning #fdba74'],
  workspace: [],
  forecast: [],
};

describe('shared style defaults', () => {
  const sheets = { funnel, simulator, pipeline, workspace, forecast };
  for (const [name, sheet] of Object.entries(sheets)) {
    it(`<sales-${name}> falls back to the shared palette, apart from its own values`, () => {
      const found = defaults(sheet.cssText);
      expect(found.length).to.be.greaterThan(10);
      const other = found
        .filter(({ token, value }) => {
          const k = key(token) as Token;
          return !(k in LIGHT) || (String(LIGHT[k]) !== value && String(DARK[k]) !== value);
        })
        .map(({ token, value }) => `${token} ${value}`);
      expect([...new Set(other)].sort()).to.deep.equal([...OWN[name]].sort());
    });
  }

  it('the funnel writes out the same palette (it does not interpolate, for its size budget)', () => {
    const values = new Set(defaults(funnel.cssText).map(({ value }) => value));
    for (const k of [
      'surface',
      'text',
      'muted',
      'accent',
      'warning',
      'success',
      'focus',
    ] as const) {
      expect(values, k).to.include(String(LIGHT[k]));
      expect(values, k).to.include(String(DARK[k]));
    }
  });
});
