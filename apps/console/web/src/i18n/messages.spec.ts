import { en } from './en';
import { format, LANGUAGES, MESSAGES } from './messages';

describe('console messages', () => {
  it('has every label in each of the six UN languages, with the same placeholders', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const lang of LANGUAGES) {
      expect(Object.keys(MESSAGES[lang]).sort()).toEqual(Object.keys(en).sort());
      for (const [key, text] of Object.entries(MESSAGES[lang])) {
        expect(text.trim()).not.toBe('');
        expect([lang, key, placeholders(text)]).toEqual([lang, key, placeholders(en[key as keyof typeof en])]);
      }
    }
  });

  it('fills placeholders', () => {
    expect(format('en', 'appliedNotice', { accepted: 2, skipped: 1 })).toBe('2 accepted, 1 skipped.');
    expect(format('ar', 'appliedNotice', { accepted: 2, skipped: 1 })).toBe('قُبل 2، وتُخطّي 1.');
  });
});
