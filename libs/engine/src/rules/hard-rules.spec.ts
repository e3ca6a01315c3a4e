import { combinationKey } from '../ranking/combination-key';
import { explainExclusion } from './hard-rules';
import { aFacilitator, anOffer, aRequest, BRAZIL } from '../test/fixtures';
import type { MatchOffer, MatchRequest } from '../types';

const failed = (request: MatchRequest, offers: MatchOffer[], rejected?: ReadonlySet<string>): number[] =>
  explainExclusion(request, offers, rejected).map((v) => v.rule);

describe('hard rules', () => {
  it('passes a combination that meets every rule', () => {
    expect(explainExclusion(aRequest(), [anOffer()])).toEqual([]);
  });

  it('1: the request is open, every offer is open with a remaining slot', () => {
    expect(failed(aRequest({ status: 'matched' }), [anOffer()])).toEqual([1]);
    expect(failed(aRequest(), [anOffer({ status: 'exhausted' })])).toEqual([1]);
    expect(failed(aRequest(), [anOffer({ remainingSlots: 0 })])).toEqual([1]);
    expect(failed(aRequest(), [anOffer({ remainingSlots: 1 })])).toEqual([]);
    expect(failed(aRequest(), [anOffer(), aFacilitator({ status: 'withdrawn' })])).toEqual([1]);
  });

  it('2: no offer comes from the requesting country', () => {
    expect(failed(aRequest(), [anOffer({ providerCountry: 'RWA' })])).toEqual([2]);
    expect(failed(aRequest(), [anOffer({ providerCountry: null, origin: 'multilateral' })])).toEqual([]);
    expect(explainExclusion(aRequest(), [anOffer({ providerCountry: 'RWA' })])[0].reason).toContain('RWA');
  });

  it('3: the requesting country is eligible under every offer', () => {
    const under = (eligibility: MatchOffer['eligibility']): number[] => failed(aRequest(), [anOffer({ eligibility })]);
    expect(under(null)).toEqual([]);
    expect(under({ regions: [], countries: [], groups: [] })).toEqual([]);
    expect(under({ regions: [], countries: ['RWA'], groups: [] })).toEqual([]);
    expect(under({ regions: [], countries: ['KEN'], groups: [] })).toEqual([3]);
    expect(under({ regions: ['eastern-africa'], countries: [], groups: [] })).toEqual([]);
    expect(under({ regions: ['sub-saharan-africa'], countries: [], groups: [] })).toEqual([]);
    expect(under({ regions: ['asia'], countries: [], groups: [] })).toEqual([3]);
    expect(under({ regions: [], countries: [], groups: ['ldc'] })).toEqual([]);
    expect(under({ regions: [], countries: [], groups: ['sids'] })).toEqual([3]);
    expect(failed(aRequest({ country: 'BRA', classification: BRAZIL }), [anOffer({ eligibility: { regions: [], countries: [], groups: ['ldc'] } })])).toEqual([3]);
  });

  it('4: the windows overlap, touching on one day is enough', () => {
    const within = (start: string, end: string): number[] => failed(aRequest(), [anOffer({ window: { start, end } })]);
    expect(within('2026-01-01', '2027-01-01')).toEqual([]);
    expect(within('2027-12-31', '2028-06-30')).toEqual([]);
    expect(within('2026-01-01', '2026-12-31')).toEqual([4]);
    expect(within('2028-01-01', '2028-12-31')).toEqual([4]);
  });

  it('5: every offer shares a delivery language with the request', () => {
    expect(failed(aRequest(), [anOffer({ deliveryLanguages: ['fr'] })])).toEqual([]);
    expect(failed(aRequest(), [anOffer({ deliveryLanguages: ['de', 'it'] })])).toEqual([5]);
    expect(failed(aRequest(), [anOffer(), aFacilitator({ deliveryLanguages: ['de'] })])).toEqual([5]);
  });

  it('6: the providing offer shares a capacity area; a facilitator need not', () => {
    expect(failed(aRequest(), [anOffer({ capacityAreas: ['data', 'compute'] })])).toEqual([]);
    expect(failed(aRequest(), [anOffer({ capacityAreas: ['compute'] })])).toEqual([6]);
    expect(failed(aRequest(), [anOffer(), aFacilitator({ capacityAreas: ['compute'] })])).toEqual([]);
  });

  it('7: the cooperation type is one the request accepts; absent or empty means all four', () => {
    const southOnly = aRequest({ cooperationTypes: ['south-south'] });
    expect(failed(southOnly, [anOffer()])).toEqual([]);
    expect(failed(southOnly, [anOffer({ origin: 'north', providerCountry: 'DEU' })])).toEqual([7]);
    expect(failed(southOnly, [anOffer(), aFacilitator()])).toEqual([7]);
    expect(failed(aRequest({ cooperationTypes: undefined }), [anOffer(), aFacilitator()])).toEqual([]);
    expect(failed(aRequest({ cooperationTypes: [] }), [anOffer({ origin: 'multilateral', providerCountry: null })])).toEqual([]);
  });

  it('8: a combination coordinators rejected for this request is not suggested again', () => {
    const rejected = new Set([combinationKey('req-1', ['off-1'])]);
    expect(failed(aRequest(), [anOffer()], rejected)).toEqual([8]);
    expect(failed(aRequest({ id: 'req-2' }), [anOffer()], rejected)).toEqual([]);
    expect(failed(aRequest(), [anOffer(), aFacilitator()], rejected)).toEqual([]);
  });

  it('9: a facilitator only as the second offer beside a south provider, and from north or multilateral', () => {
    expect(failed(aRequest(), [aFacilitator({ capacityAreas: ['data'] })])).toEqual(expect.arrayContaining([7, 9]));
    expect(failed(aRequest(), [anOffer(), aFacilitator({ origin: 'multilateral', providerCountry: null })])).toEqual([]);
    expect(failed(aRequest(), [anOffer(), aFacilitator({ origin: 'south', providerCountry: 'IND' })])).toEqual([7, 9]);
    expect(failed(aRequest(), [anOffer({ origin: 'north', providerCountry: 'FRA' }), aFacilitator()])).toEqual([7, 9]);
    expect(failed(aRequest(), [anOffer(), anOffer({ id: 'off-2' })])).toEqual([7, 9]);
    expect(failed(aRequest(), [anOffer(), aFacilitator(), aFacilitator({ id: 'fac-2' })])).toEqual([7, 9]);
  });

  it('names every failed rule with a plain-English reason', () => {
    const violations = explainExclusion(aRequest(), [anOffer({ deliveryLanguages: ['de'], capacityAreas: ['compute'] })]);
    expect(violations.map((v) => v.name)).toEqual(['shared-language', 'shared-capacity-area']);
    expect(violations[0].reason).toBe('offer off-1 delivers in de; the request asks for rw, en, fr');
  });
});
