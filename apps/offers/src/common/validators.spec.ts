import { isIsoDate } from './validators';

describe('isIsoDate', () => {
  it.each(['2026-01-01', '2028-02-29', '2027-12-31'])('accepts %s', (v) => expect(isIsoDate(v)).toBe(true));
  it.each(['2027-02-29', '2027-13-01', '2027-1-01', '2027-01-01T00:00:00Z', '', 20270101, null])('refuses %p', (v) =>
    expect(isIsoDate(v)).toBe(false),
  );
});
