/**
 * Stands in for `@open-wc/semantic-dom-diff`'s own types, which `@open-wc/testing` references.
 * Those declare every `expect(x).to.equal(y)` as returning a Promise (for their DOM snapshot
 * form, open-wc/open-wc#2675), so the type-aware `no-floating-promises` rule would flag every
 * synchronous assertion, or, if silenced, miss a real un-awaited one such as
 * `expect(el).to.be.accessible()`. These tests use no DOM-diff assertions; only the chains
 * the plugin adds are declared, and `equal` keeps chai's own synchronous type.
 */
declare global {
  namespace Chai {
    interface Assertion {
      dom: Assertion;
      lightDom: Assertion;
      shadowDom: Assertion;
    }
  }
}
export {};
