import { MatchingEngine, type Suggestion } from '@capmatch/engine';
import { toMatchOffer, toMatchRequest } from './to-match';
import { offerSnapshot, requestSnapshot, type OfferOrigin } from '../../test/matching-fixtures';
import { rankWithEntering, type LiveProposal } from './entering-offer';

const live = (s: Suggestion): LiveProposal => ({
  combination_key: s.key, offer_ids: [...s.offerIds], cooperation_type: s.cooperationType, score: s.score, explanation: s.explanation,
});
const canonical = (list: Suggestion[]) => list.map((s) => `${s.score} ${s.key}`);

describe('rankWithEntering', () => {
  it('gives the same top K as a full ranking when a northern or multilateral offer arrives', () => {
    for (let seed = 0; seed < 40; seed++) {
      const origins: OfferOrigin[] = ['north', 'south', 'multilateral'];
      const others = Array.from({ length: 8 }, (_, i) => offerSnapshot('rw', origins[(seed + i) % 3], {
        budgetUsd: 20000 + ((seed * 7 + i * 13) % 10) * 15000,
        modalities: (seed + i) % 2 ? ['training'] : ['workshop'],
      }));
      others.push(offerSnapshot('rw', 'north', { role: 'facilitator' }));
      const arriving = offerSnapshot('rw', seed % 2 ? 'north' : 'multilateral', { budgetUsd: 10000 + seed * 5000 });
      const request = toMatchRequest(requestSnapshot('rw', { budgetUsd: 50000 + seed * 1000 }), 'open');
      const before = new MatchingEngine({ topK: 3 });
      for (const o of others) before.upsertOffer(toMatchOffer(o, 'open'));
      const current = before.matchRequest(request);
      const after = new MatchingEngine({ topK: 3 });
      for (const o of [...others, arriving]) after.upsertOffer(toMatchOffer(o, 'open'));
      const fast = rankWithEntering(request, current.map(live), toMatchOffer(arriving, 'open'), new Set(), 3);
      expect(canonical(fast as Suggestion[])).toEqual(canonical(after.matchRequest(request)));
    }
  });

  it('gives the same top K as a full ranking when several such offers arrive at once', () => {
    for (let seed = 0; seed < 30; seed++) {
      const origins: OfferOrigin[] = ['north', 'south', 'multilateral'];
      const others = Array.from({ length: 7 }, (_, i) => offerSnapshot('rw', origins[(seed + i) % 3], {
        budgetUsd: 20000 + ((seed * 11 + i * 7) % 10) * 15000,
      }));
      const arriving = [0, 1, 2].map((j) => offerSnapshot('rw', (seed + j) % 2 ? 'north' : 'multilateral', { budgetUsd: 15000 + ((seed + j * 3) % 9) * 12000 }));
      const request = toMatchRequest(requestSnapshot('rw', { budgetUsd: 60000 + seed * 1500 }), 'open');
      const before = new MatchingEngine({ topK: 4 });
      for (const o of others) before.upsertOffer(toMatchOffer(o, 'open'));
      const after = new MatchingEngine({ topK: 4 });
      for (const o of [...others, ...arriving]) after.upsertOffer(toMatchOffer(o, 'open'));
      const entering = arriving.map((o) => toMatchOffer(o, 'open'));
      const fast = rankWithEntering(request, before.matchRequest(request).map(live), entering, new Set(), 4);
      expect(canonical(fast as Suggestion[])).toEqual(canonical(after.matchRequest(request)));
    }
  });

  it('does not apply to offers that can form triangular bundles', () => {
    const request = toMatchRequest(requestSnapshot('rw'), 'open');
    expect(rankWithEntering(request, [], toMatchOffer(offerSnapshot('rw', 'south'), 'open'), new Set(), 5)).toBeNull();
    const facilitator = offerSnapshot('rw', 'north', { role: 'facilitator' });
    expect(rankWithEntering(request, [], toMatchOffer(facilitator, 'open'), new Set(), 5)).toBeNull();
  });
});
