import { expect } from '@open-wc/testing';
import { LazyModule, loadModule } from '../../../src/elements/controllers/lazy-module.js';

/** A fetch that fails its first `failures` times, counting every call. */
function flakyFetch(failures: number) {
  const calls = { count: 0 };
  const fetch = () => {
    calls.count += 1;
    return calls.count <= failures
      ? Promise.reject(new TypeError('Failed to fetch dynamically imported module'))
      : Promise.resolve({ value: 42 });
  };
  return { calls, fetch };
}

describe('LazyModule', () => {
  it('fetches once on the first get(), answers at once, and settles once the module arrived', async () => {
    const { calls, fetch } = flakyFetch(0);
    let settles = 0;
    const lazy = new LazyModule(fetch, () => (settles += 1));
    expect(lazy.get()).to.equal(undefined);
    expect(lazy.pending).to.equal(true);
    lazy.get();
    await lazy.settled();
    expect(lazy.get()).to.deep.equal({ value: 42 });
    expect({ calls: calls.count, settles, pending: lazy.pending }).to.deep.equal({
      calls: 1,
      settles: 1,
      pending: false,
    });
  });

  it('after a failed fetch, get() on every render fetches nothing more; loadModule() tries again', async () => {
    const { calls, fetch } = flakyFetch(1);
    let settles = 0;
    const lazy = new LazyModule(fetch, () => (settles += 1));
    lazy.get();
    await lazy.settled();
    expect(lazy.error).to.be.instanceOf(TypeError);
    for (let render = 0; render < 5; render += 1) expect(lazy.get()).to.equal(undefined);
    await lazy.settled();
    expect({ calls: calls.count, settles }).to.deep.equal({ calls: 1, settles: 1 });

    expect(await loadModule(lazy)).to.deep.equal({ value: 42 });
    expect(lazy.error).to.equal(undefined);
    expect(lazy.get()).to.deep.equal({ value: 42 });
    expect({ calls: calls.count, settles }).to.deep.equal({ calls: 2, settles: 2 });
  });

  it('loadModule() rejects with the failure, and shares one fetch between callers', async () => {
    const { calls, fetch } = flakyFetch(1);
    const lazy = new LazyModule(fetch, () => {});
    const [a, b] = await Promise.allSettled([loadModule(lazy), loadModule(lazy)]);
    expect([a.status, b.status]).to.deep.equal(['rejected', 'rejected']);
    expect(calls.count).to.equal(1);
    await loadModule(lazy);
    await loadModule(lazy);
    expect(calls.count).to.equal(2);
  });
});
