import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { THREE, boardWith, card, recordAnnouncements, root } from './helpers.js';

// WCAG 4.1.3 and the audit's chatter: one live-region change per key of a keyboard move, and
// a card says what it is and a short hint, not the board's whole instructions at every card.

describe('<sales-pipeline> what a screen reader hears', () => {
  it('a keyboard move is one announcement per key: picked up, over, moved', async () => {
    const { el } = await boardWith(THREE);
    card(el, 'Alpha').focus();
    const said: number[] = [];
    const all = recordAnnouncements(el);
    for (const key of ['Space', 'ArrowRight', 'Space']) {
      const before = all.length;
      await sendKeys({ press: key });
      await el.updateComplete;
      said.push(all.length - before);
    }
    expect(said).to.deep.equal([1, 1, 1]);
    expect(all[0]).to.match(/^Picked up Alpha in Lead/);
    expect(all[1]).to.match(/^Alpha: over Offer/);
    expect(all[2]).to.equal('Alpha moved to Offer.');
  });

  it('a card is a movable deal with a short hint; the full instructions are the board’s', async () => {
    const { el } = await boardWith(THREE);
    const alpha = card(el, 'Alpha');
    expect(alpha.getAttribute('aria-roledescription')).to.equal('movable deal');
    const hint = root(el).getElementById(alpha.getAttribute('aria-describedby')!)!;
    expect(hint.textContent!.trim()).to.equal('Space picks it up, M opens Move to…, E edits.');
    expect(hint.textContent!.length).to.be.below(80);
    const board = root(el).querySelector('[part="board"]')!;
    const instructions = root(el).getElementById(board.getAttribute('aria-describedby')!)!;
    expect(instructions.textContent).to.include('Space or Enter picks a deal up');
    await expect(el).to.be.accessible();
  });
});
