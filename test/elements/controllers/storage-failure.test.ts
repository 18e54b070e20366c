import { expect } from '@open-wc/testing';
import {
  STORAGE_FAILURE,
  storageFailure,
  timedOutText,
} from '../../../src/elements/controllers/storage-failure.js';
import { OPEN_TIMEOUT_MS } from '../../../src/store/db.js';
import { StoreError } from '../../../src/store/errors.js';

/** The words of an open that timed out say the time the store really waits, in both languages. */
describe('storage failure words', () => {
  it('say the time an open waits, from the store’s time-out, in English and Spanish', () => {
    expect(timedOutText('en', 30_000)).to.match(/^The browser did not answer for 30 seconds /);
    expect(timedOutText('es', 1_500)).to.match(/^El navegador no respondió en 1,5 segundos /);
    const seconds = OPEN_TIMEOUT_MS / 1000;
    expect(STORAGE_FAILURE.en.storageTimedOut).to.equal(timedOutText('en', OPEN_TIMEOUT_MS));
    expect(STORAGE_FAILURE.en.storageTimedOut).to.include(`for ${seconds} seconds`);
    expect(STORAGE_FAILURE.es.storageTimedOut).to.include(`en ${seconds} segundos`);
  });

  it('a timed-out open reads as those words, its technical text kept as the cause only', () => {
    const e = new StoreError(
      'timed-out',
      `Opening IndexedDB gave no event in ${OPEN_TIMEOUT_MS / 1000} s`,
    );
    const said = storageFailure(e, 'es');
    expect(said.message).to.equal(timedOutText('es'));
    expect(said.cause).to.equal(`StoreError: ${e.message}`);
  });
});
