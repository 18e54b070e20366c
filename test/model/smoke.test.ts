import { expect } from '@open-wc/testing';
import { placeholder } from '../../src/model/index.js';

describe('smoke', () => {
  it('runs in Chromium', () => {
    expect(placeholder).to.equal(1);
  });
});
