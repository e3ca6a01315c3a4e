import { reportFormat } from './report-format';

describe('coverage report content negotiation', () => {
  it.each([
    [undefined, 'json'],
    ['', 'json'],
    ['*/*', 'json'],
    ['application/json', 'json'],
    ['text/csv', 'csv'],
    ['text/*', 'csv'],
    ['Text/CSV; charset=utf-8', 'csv'],
    ['text/csv, application/json;q=0.5', 'csv'],
    ['application/json;q=0.9, text/csv;q=0.8', 'json'],
    ['text/csv;q=0.2, */*;q=0.1', 'csv'],
    ['*/*;q=0.5, application/json;q=0', 'csv'],
    ['text/html, application/*', 'json'],
  ])('Accept %p gets %s', (accept, format) => {
    expect(reportFormat(accept)).toBe(format);
  });

  it.each(['application/xml', 'text/html', 'text/csv;q=0', 'image/*, text/plain', 'nonsense'])('Accept %p is not acceptable', (accept) => {
    expect(reportFormat(accept)).toBeNull();
  });
});
