import { ISO_639_1, ISO_639_3_WITHOUT_639_1, isLanguageCode, pickLanguage } from './index';

describe('pickLanguage', () => {
  it('falls back to English for absent, empty, unsupported or wildcard headers', () => {
    expect(pickLanguage(undefined)).toBe('en');
    expect(pickLanguage('')).toBe('en');
    expect(pickLanguage('de-CH, de;q=0.9')).toBe('en');
    expect(pickLanguage('*')).toBe('en');
    expect(pickLanguage(';;;,,')).toBe('en');
  });

  it('matches the primary subtag of each of the six UN languages', () => {
    expect(pickLanguage('ar-EG')).toBe('ar');
    expect(pickLanguage('zh-Hans-CN')).toBe('zh');
    expect(pickLanguage('FR-fr')).toBe('fr');
    expect(pickLanguage('ru')).toBe('ru');
    expect(pickLanguage('es-419')).toBe('es');
  });

  it('orders by q-value, earlier ranges winning ties, and skips q=0', () => {
    expect(pickLanguage('fr;q=0.5, es;q=0.8')).toBe('es');
    expect(pickLanguage('de, ru;q=0.7, fr;q=0.7')).toBe('ru');
    expect(pickLanguage('fr;q=0, es;q=0.1')).toBe('es');
    expect(pickLanguage('en;q=0.2, zh')).toBe('zh');
  });

  it('ignores malformed q-values rather than failing', () => {
    expect(pickLanguage('fr;q=abc')).toBe('fr');
    expect(pickLanguage('fr;q=5, es;q=0.9')).toBe('fr');
  });
});

describe('isLanguageCode', () => {
  it('accepts lower-case 639-1 codes and 639-3 codes without a 639-1 code', () => {
    for (const code of ['en', 'rw', 'sw', 'fr', 'zh', 'fil', 'haw', 'tet', 'tpi', 'nso', 'yue']) expect(isLanguageCode(code)).toBe(true);
  });

  it('refuses upper case, unknown and deprecated codes', () => {
    for (const code of ['EN', 'xx', 'eng', 'iw', 'mo', '', 'e', 'english']) expect(isLanguageCode(code)).toBe(false);
    expect(isLanguageCode(undefined as unknown as string)).toBe(false);
  });

  it('holds every current 639-1 code once and no code twice', () => {
    expect(ISO_639_1).toHaveLength(183);
    const all = [...ISO_639_1, ...ISO_639_3_WITHOUT_639_1];
    expect(new Set(all).size).toBe(all.length);
    expect(ISO_639_1.every((c) => /^[a-z]{2}$/.test(c))).toBe(true);
    expect(ISO_639_3_WITHOUT_639_1.every((c) => /^[a-z]{3}$/.test(c))).toBe(true);
  });
});
