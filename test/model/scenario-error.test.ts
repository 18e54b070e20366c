import { expect } from '@open-wc/testing';
import { ScenarioError } from '../../src/model/scenario-error.js';
import type { ValidationError } from '../../src/model/types.js';

const error = (path: string, message: string): ValidationError => ({
  path,
  code: 'negative',
  message,
});

describe('ScenarioError', () => {
  it('is an Error named ScenarioError that keeps every error', () => {
    const errors = [error('leads', 'leads cannot be negative (-5).')];
    const e = new ScenarioError(errors);
    expect(e).to.be.instanceOf(Error);
    expect(e.name).to.equal('ScenarioError');
    expect(e.errors).to.equal(errors);
    expect(e.field).to.equal('scenario');
    expect(String(e)).to.equal('ScenarioError: Invalid scenario: leads cannot be negative (-5).');
  });

  it('quotes the first three errors and counts the rest', () => {
    const errors = ['a', 'b', 'c', 'd', 'e'].map((p) => error(p, `${p} is wrong.`));
    expect(new ScenarioError(errors, 'benchmark').message).to.equal(
      'Invalid benchmark: a is wrong. b is wrong. c is wrong. (+2 more in .errors)',
    );
  });

  it('names the field and code of an error that has no message yet', () => {
    const codesOnly = [{ path: 'stages[1].rate', code: 'rate-range', message: '' }];
    expect(new ScenarioError(codesOnly).message).to.equal(
      'Invalid scenario: stages[1].rate rate-range',
    );
  });
});
