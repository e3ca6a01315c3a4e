import { bruteForceMatch } from '../reference/brute-force';
import { MatchingEngine } from '../matching-engine';
import { aRequest, anOffer, RWANDA } from '../test/fixtures';
import type { MatchOffer, MatchRequest } from '../types';
import { explainExclusion } from './hard-rules';

// domain.md, "Smooth transition": a graduated LDC keeps offers restricted to `ldc`, and counts
// as an LDC for equity, until its classification's ldcTransitionUntil; the fast path and the
// reference agree on it.

const graduated = (country: string, ldcTransitionUntil: string | null | undefined): MatchRequest =>
  aRequest({ id: `req-${country}`, country, classification: { ...RWANDA, ldc: false, ldcTransitionUntil } });
const ldcOnly = anOffer({ eligibility: { regions: [], countries: [], groups: ['ldc'] } });

function bothPaths(request: MatchRequest, offers: MatchOffer[]) {
  const engine = new MatchingEngine();
  offers.forEach((o) => engine.upsertOffer(o));
  const fast = engine.matchRequest(request);
  expect(fast).toEqual(bruteForceMatch(request, offers));
  return fast;
}

describe('LDC smooth transition in the hard rules and the equity factor', () => {
  it('admits a request from a country in its transition to an offer restricted to ldc, with full equity', () => {
    const nepal = graduated('NPL', '2099-11-24');
    expect(explainExclusion(nepal, [ldcOnly])).toEqual([]);
    const [only] = bothPaths(nepal, [ldcOnly]);
    expect(only.offerIds).toEqual([ldcOnly.id]);
    expect(only.explanation.find((e) => e.factor === 'equity')).toMatchObject({ score: 1, detail: expect.stringContaining('smooth transition') });
  });

  it('refuses a request whose transition has ended, and scores equity as for any country', () => {
    const ended = graduated('BWA', '1997-12-20');
    const violations = explainExclusion(ended, [ldcOnly]);
    expect(violations.map((v) => v.rule)).toEqual([3]);
    expect(bothPaths(ended, [ldcOnly])).toEqual([]);
    const open = anOffer({ id: 'off-open' });
    expect(bothPaths(ended, [ldcOnly, open]).map((s) => [s.offerIds, s.explanation.find((e) => e.factor === 'equity')?.score])).toEqual([[['off-open'], 0.75]]);
  });

  it('reads a classification recorded before the field existed from the dataset (Nepal: until 2029-11-24)', () => {
    const recordedBefore = graduated('NPL', undefined);
    expect(bothPaths(recordedBefore, [ldcOnly]).map((s) => s.offerIds)).toEqual(
      new Date().toISOString().slice(0, 10) < '2029-11-24' ? [[ldcOnly.id]] : [],
    );
  });
});
