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

  it('gives the same top K as a full ranking when southern providers or facilitators arrive', () => {
    let fast = 0;
    for (let seed = 0; seed < 60; seed++) {
      const origins: OfferOrigin[] = ['north', 'south', 'multilateral', 'south'];
      const others = Array.from({ length: 10 }, (_, i) => offerSnapshot('rw', origins[(seed + i) % 4], {
        budgetUsd: 20000 + ((seed * 7 + i * 13) % 10) * 15000,
        modalities: (seed + i) % 3 ? ['training'] : ['workshop'],
        targetGroups: (seed + i) % 2 ? ['women-and-girls'] : [],
      }));
      others.push(offerSnapshot('rw', 'north', { role: 'facilitator', modalities: ['financing'], budgetUsd: 30000 + seed * 1000 }));
      const arriving = seed % 3 === 0
        ? [offerSnapshot('rw', 'south', { budgetUsd: 10000 + seed * 5000, modalities: seed % 2 ? ['training', 'workshop'] : ['training'] })]
        : seed % 3 === 1
          ? [offerSnapshot('rw', seed % 2 ? 'north' : 'multilateral', { role: 'facilitator', modalities: ['workshop', 'financing'], budgetUsd: 5000 * seed })]
          : [offerSnapshot('rw', 'south', { budgetUsd: 90000 }), offerSnapshot('rw', 'north', { role: 'facilitator', modalities: ['workshop'], targetGroups: [] })];
      const request = toMatchRequest(requestSnapshot('rw', { budgetUsd: 50000 + seed * 1000, modalities: ['training', 'workshop', 'financing'] }), 'open');
      const before = new MatchingEngine({ topK: 3 });
      for (const o of others) before.upsertOffer(toMatchOffer(o, 'open'));
      const current = before.matchRequest(request);
      const after = new MatchingEngine({ topK: 3 });
      for (const o of [...others, ...arriving]) after.upsertOffer(toMatchOffer(o, 'open'));
      const entering = arriving.map((o) => toMatchOffer(o, 'open'));
      const ranked = rankWithEntering(request, current.map(live), entering, new Set(), 3, after);
      if (ranked === null) continue;
      fast++;
      expect(canonical(ranked)).toEqual(canonical(after.matchRequest(request)));
    }
    expect(fast).toBeGreaterThan(30);
  });

  it('leaves to the full ranking offers that form bundles when no engine or no bar is there', () => {
    const request = toMatchRequest(requestSnapshot('rw'), 'open');
    expect(rankWithEntering(request, [], toMatchOffer(offerSnapshot('rw', 'south'), 'open'), new Set(), 5)).toBeNull();
    const facilitator = toMatchOffer(offerSnapshot('rw', 'north', { role: 'facilitator' }), 'open');
    expect(rankWithEntering(request, [], facilitator, new Set(), 5)).toBeNull();
    const engine = new MatchingEngine({ topK: 5 });
    engine.upsertOffer(facilitator);
    // Fewer than K live proposals: no K-th score bars the newcomer's bundles.
    expect(rankWithEntering(request, [], facilitator, new Set(), 5, engine)).toBeNull();
  });
});
