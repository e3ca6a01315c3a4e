import { countryProblem } from './provider-rules';

describe('countryProblem', () => {
  it.each([
    ['government', 'DEU'],
    ['academia', 'IND'],
    ['civil-society', 'KEN'],
    ['multilateral', undefined],
    ['development-bank', null],
  ])('accepts %s with country %p', (kind, country) => {
    expect(countryProblem(kind, country)).toBeNull();
  });

  it.each([
    ['multilateral', 'DEU', /must be absent/],
    ['development-bank', 'USA', /must be absent/],
    ['government', undefined, /is required/],
    ['private-sector', null, /is required/],
    ['academia', 'QZX', /known ISO 3166-1/],
    ['academia', 'deu', /upper case/],
    ['academia', 42, /known ISO 3166-1/],
  ])('refuses %s with country %p', (kind, country, message) => {
    expect(countryProblem(kind, country)).toMatch(message);
  });

  it('leaves an unknown kind to the kind check', () => {
    expect(countryProblem('army', 'DEU')).toBeNull();
  });
});
