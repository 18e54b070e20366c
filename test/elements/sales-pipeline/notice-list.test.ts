import { expect } from '@open-wc/testing';
import { NoticeList } from '../../../src/elements/sales-pipeline/panels/notices.js';

// The board's notices: the same words twice show once, and their "Try again" is the last one's.
describe('board notices', () => {
  it('shows the same words once, and Try again retries what failed last', () => {
    let updates = 0;
    const list = new NoticeList({ requestUpdate: () => (updates += 1) } as never);
    const tried: string[] = [];
    const first = list.add('error', 'Part of the board could not be loaded.', () =>
      tried.push('dialog'),
    );
    const second = list.add('error', 'Part of the board could not be loaded.', () =>
      tried.push('export'),
    );
    expect([first.added, second.added]).to.deep.equal([true, false]);
    expect(list.items).to.have.length(1);
    list.items[0].retry?.();
    expect(tried).to.deep.equal(['export']);
    expect(updates).to.equal(1);
  });
});
