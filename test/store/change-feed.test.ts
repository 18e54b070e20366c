import { expect } from '@open-wc/testing';
import { ChangeFeed } from '../../src/store/change-feed.js';
import type { RepositoryNotice, StoreChange } from '../../src/store/repository.js';

/** The next change `feed` delivers. */
const next = (feed: ChangeFeed, pipelineId: string | null) =>
  new Promise<StoreChange>((resolve) => {
    const off = feed.subscribe(pipelineId, (c) => {
      off();
      resolve(c);
    });
  });

describe('store change feed', () => {
  let counter = 0;
  const channel = () => `test-change-feed-${Date.now().toString(36)}-${(counter += 1)}`;

  it('delivers a change to the listeners of its pipeline and of everything, not of others', () => {
    const feed = new ChangeFeed();
    const heard: string[] = [];
    feed.subscribe('p', (c) => heard.push(`p:${c.ids.join()}`));
    feed.subscribe('q', (c) => heard.push(`q:${c.ids.join()}`));
    const off = feed.subscribe(null, (c) => heard.push(`all:${c.ids.join()}`));
    feed.publish('deal', 'p', ['d1']);
    off();
    feed.publish('scenario', null, ['s1']);
    feed.publish('deal', 'p', ['d2']);
    expect(heard).to.deep.equal(['all:d1', 'p:d1', 'p:d2']);
  });

  it('keeps delivering when a listener throws, and logs what it threw', () => {
    const feed = new ChangeFeed();
    const heard: StoreChange[] = [];
    const logged: unknown[] = [];
    const error = console.error;
    console.error = (e: unknown) => logged.push(e);
    try {
      feed.subscribe('p', () => {
        throw new Error('listener broke');
      });
      feed.subscribe('p', (c) => heard.push(c));
      feed.publish('deal', 'p', ['d']);
    } finally {
      console.error = error;
    }
    expect(heard).to.deep.equal([{ type: 'deal', pipelineId: 'p', ids: ['d'], local: true }]);
    expect(String(logged[0])).to.contain('listener broke');
  });

  it('carries changes to a feed on the same channel (another tab), marked not local', async () => {
    const name = channel();
    const here = new ChangeFeed(name);
    const there = new ChangeFeed(name);
    try {
      const heard = next(there, 'p');
      here.publish('deal-moved', 'p', ['d']);
      expect(await heard).to.deep.equal({
        type: 'deal-moved',
        pipelineId: 'p',
        ids: ['d'],
        local: false,
      });
    } finally {
      here.close();
      there.close();
    }
  });

  it('passes notices to their listeners until they unsubscribe, and publishing after close is harmless', () => {
    const feed = new ChangeFeed(channel());
    const notices: RepositoryNotice[] = [];
    const off = feed.onNotice((n) => notices.push(n));
    feed.notice({ type: 'blocked' });
    off();
    feed.notice({ type: 'reopened' });
    expect(notices).to.deep.equal([{ type: 'blocked' }]);
    feed.close();
    const heard: StoreChange[] = [];
    feed.subscribe('p', (c) => heard.push(c));
    feed.publish('deal', 'p', ['d']);
    expect(heard.map((c) => c.ids)).to.deep.equal([['d']]);
  });
});
