import fc from 'fast-check';
import { anOffer } from '../test/fixtures';
import { prepareOffer } from '../scoring/prepared';
import { TopK } from './top-k';

// The scan (index/singles.ts) compares bounds with TopK.floor instead of calling reachable on
// every offer, and the pair loops (bundles/triangular.ts) floorFor and exceedFloor instead of
// reachable and canExceed per facilitator; each pair must agree on every bound, before and after each entry.

const offers = ['a', 'b', 'c', 'd'].map((id) => prepareOffer(anOffer({ id })));

describe('TopK.floor, floorFor and exceedFloor', () => {
  it('are exactly the bounds reachable() and canExceed() ask for, as entries come in', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.record({ score: fc.integer({ min: 0, max: 1000 }), lead: fc.nat(3), other: fc.nat(9) }), { maxLength: 12 }),
        fc.array(fc.double({ min: -0.1, max: 1.1, noNaN: true }), { minLength: 1, maxLength: 8 }),
        (k, entries, bounds) => {
          const top = new TopK(k);
          const agree = (): void => {
            // Bounds near the entries' scores too: pruning is decided within half a thousandth.
            const near = entries.flatMap((e) => bounds.map((b) => e.score / 1000 + b / 1000));
            for (const b of [...bounds, ...near, top.floor]) expect(top.reachable(b)).toBe(b >= top.floor);
            for (const lead of offers.map((o) => o.offer.id)) {
              const floor = top.floorFor(lead);
              const exceed = top.exceedFloor(lead);
              for (const b of [...bounds, ...near, floor, exceed]) {
                expect(top.reachable(b, lead)).toBe(b >= floor);
                expect(top.canExceed(b, lead)).toBe(b >= exceed);
              }
            }
          };
          agree();
          for (const e of entries) {
            const score = e.score / 1000;
            top.add({ score, key: `r|${offers[e.lead].offer.id}+${e.other}`, offers: [offers[e.lead]] });
            agree();
          }
        },
      ),
    );
  });
});
