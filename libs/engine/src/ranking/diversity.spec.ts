import { bruteForceMatch } from '../reference/brute-force';
import { combinationKey } from './combination-key';
import { MatchingEngine } from '../matching-engine';
import { aFacilitator, anOffer, aRequest } from '../test/fixtures';
import type { MatchOffer, Suggestion } from '../types';

// The diversity order: within one request's top-K, each provider offer (a single's offer, a
// bundle's first offer) first appears once, as its best-ranked variant; then the remaining
// eligible combinations (other variants, triangular ones included) fill what is left of K.
// Diversity orders; it never hides. Both paths must apply it alike.

const NONE = new Set<string>();

function bothPaths(offers: MatchOffer[], topK = 3, rejected: ReadonlySet<string> = NONE): Suggestion[] {
  const engine = new MatchingEngine({ topK });
  offers.forEach((o) => engine.upsertOffer(o));
  const fast = engine.matchRequest(aRequest(), rejected);
  expect(fast).toEqual(bruteForceMatch(aRequest(), offers, rejected, { topK }));
  return fast;
}
const keys = (list: Suggestion[]): string[] => list.map((s) => s.key);
const leads = (list: Suggestion[]): string[] => list.map((s) => s.offerIds[0]);

// A southern hub that covers the request by itself, two facilitators that add nothing to it
// (so its single and both bundles tie), and two weaker southern alternatives.
const hub = anOffer({ id: 'hub', providerId: 'astana-hub', providerCountry: 'KAZ' });
const adb = aFacilitator({ id: 'adb', providerId: 'adb', origin: 'multilateral', providerCountry: null });
const jica = aFacilitator({ id: 'jica', providerId: 'jica', providerCountry: 'JPN' });
const alternatives = ['alt-1', 'alt-2'].map((id) => anOffer({ id, providerId: id, sdgs: [4] }));

describe('diversity of the top-K', () => {
  it('shows distinct provider offers first, so variants of one offer never crowd the others out', () => {
    const out = bothPaths([hub, adb, jica, ...alternatives]);
    // Ranked by score alone: hub, hub+adb, hub+jica, all at the same score.
    expect(keys(out)).toEqual(['req-1|hub', 'req-1|alt-1', 'req-1|alt-2']);
    expect(out[0].score).toBeGreaterThan(out[1].score);
  });

  it('fills K with the remaining combinations when fewer distinct offers fit (the coordinator sees every option)', () => {
    const out = bothPaths([hub, adb, jica, ...alternatives], 5);
    expect(keys(out)).toEqual(['req-1|hub', 'req-1|alt-1', 'req-1|alt-2', 'req-1|hub+adb', 'req-1|hub+jica']);
  });

  it('puts the best-ranked variant of a provider offer first, and its other variants after the distinct offers', () => {
    const partial = { ...hub, budgetUsd: 50_000 };
    const out = bothPaths([partial, { ...adb, budgetUsd: 200_000 }, { ...jica, budgetUsd: 100_000 }, ...alternatives], 5);
    expect(leads(out).slice(0, 3).sort()).toEqual(['alt-1', 'alt-2', 'hub']);
    expect(out.find((s) => s.offerIds[0] === 'hub')?.offerIds).toEqual(['hub', 'adb']); // the facilitator that completes the budget
    expect(out).toHaveLength(5);
    for (const s of out.slice(3)) expect(['alt-1', 'alt-2', 'hub']).toContain(s.offerIds[0]); // variants, after the distinct ones
  });

  it('lets the next variant of the same provider offer lead once the best one is rejected', () => {
    const partial = { ...hub, budgetUsd: 50_000 };
    const offers = [partial, { ...adb, budgetUsd: 200_000 }, { ...jica, budgetUsd: 100_000 }, ...alternatives];
    const noAdb = bothPaths(offers, 3, new Set([combinationKey('req-1', ['hub', 'adb'])]));
    expect(noAdb.find((s) => s.offerIds[0] === 'hub')?.offerIds).toEqual(['hub', 'jica']);
    const neither = bothPaths(offers, 3, new Set([combinationKey('req-1', ['hub', 'adb']), combinationKey('req-1', ['hub', 'jica'])]));
    expect(neither.find((s) => s.offerIds[0] === 'hub')?.offerIds).toEqual(['hub']);
    expect(leads(neither).filter((id) => id === 'hub')).toHaveLength(1);
  });

  it('is per provider offer: two offers of one provider both appear, and a facilitator may back several', () => {
    const second = anOffer({ id: 'hub-2', providerId: 'astana-hub', providerCountry: 'KAZ', budgetUsd: 50_000 });
    const partial = { ...hub, budgetUsd: 50_000 };
    const out = bothPaths([partial, second, { ...adb, budgetUsd: 200_000 }], 5);
    expect(out.map((s) => s.offerIds)).toEqual([['hub', 'adb'], ['hub-2', 'adb'], ['hub'], ['hub-2']]);
  });
});
