import { upstreamOf } from './upstreams';

describe('console proxy routing', () => {
  it.each([
    ['/v1/requests', 'REQUESTS_URL'],
    ['/v1/requests/0b6f?x=1', 'REQUESTS_URL'],
    ['/v1/taxonomy', 'REQUESTS_URL'],
    ['/v1/countries/RWA', 'REQUESTS_URL'],
    ['/v1/providers?limit=5', 'OFFERS_URL'],
    ['/v1/offers/1', 'OFFERS_URL'],
    ['/v1/suggestions/1/accept', 'MATCHING_URL'],
    ['/v1/partnerships/1/confirm', 'MATCHING_URL'],
    ['/v1/allocations', 'MATCHING_URL'],
    ['/v1/reports/coverage', 'MATCHING_URL'],
    ['/v1/exports/iati', 'MATCHING_URL'],
    ['/v1/webhooks', 'NOTIFICATIONS_URL'],
  ])('sends %s to %s', (path, variable) => {
    expect(upstreamOf(path)).toBe(variable);
  });

  it.each(['/', '/review', '/v1/requestsX', '/console/dev-token', '/health/live', '/v1'])('keeps %s for the console itself', (path) => {
    expect(upstreamOf(path)).toBeNull();
  });
});
