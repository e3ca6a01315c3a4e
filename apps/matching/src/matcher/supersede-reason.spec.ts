import { toMatchOffer, toMatchRequest } from './to-match';
import { offerSnapshot, requestSnapshot } from '../../test/matching-fixtures';
import { supersedeReason } from './supersede-reason';

describe('supersedeReason', () => {
  const request = toMatchRequest(requestSnapshot('rw'), 'open');
  const snapshot = offerSnapshot('rw', 'north');

  it('names the hard rule a withdrawn offer now fails', () => {
    const offer = toMatchOffer({ ...snapshot, status: 'withdrawn' }, 'withdrawn');
    expect(supersedeReason(request, [offer.id], () => offer, new Set(), 5)).toMatch(/^rule 1 \(open\): offer .* is withdrawn/);
  });

  it('says when the request itself is no longer open', () => {
    const offer = toMatchOffer(snapshot, 'open');
    expect(supersedeReason({ ...request, status: 'matched' }, [offer.id], () => offer, new Set(), 5)).toMatch(/request is matched/);
  });

  it('says "outranked" when every rule still holds', () => {
    const offer = toMatchOffer(snapshot, 'open');
    expect(supersedeReason(request, [offer.id], () => offer, new Set(), 5)).toBe(
      'outranked: no longer among the best 5 suggestions for the request',
    );
  });

  it('copes with an offer the index no longer knows', () => {
    expect(supersedeReason(request, ['x'], () => undefined, new Set(), 5)).toMatch(/offer x is no longer known/);
  });
});
