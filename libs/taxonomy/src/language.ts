import { knownLanguageCodes } from './data/iso639';

/** The six official languages of the United Nations, in which every label exists. */
export const LANGS = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
export type Lang = (typeof LANGS)[number];

export const DEFAULT_LANG: Lang = 'en';

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** Lower-case ISO 639-1 code, or ISO 639-3 code of a language without a 639-1 code. */
export function isLanguageCode(code: string): boolean {
  return typeof code === 'string' && knownLanguageCodes().has(code);
}

interface Range {
  tag: string;
  q: number;
  order: number;
}

function parseRange(part: string, order: number): Range | null {
  const [rawTag, ...params] = part.split(';').map((s) => s.trim());
  if (!rawTag) return null;
  let q = 1;
  for (const param of params) {
    const m = /^q\s*=\s*([0-9](?:\.[0-9]{0,3})?)$/i.exec(param);
    if (m) q = Math.min(1, Number(m[1]));
  }
  return { tag: rawTag.toLowerCase(), q, order };
}

/**
 * The label language for an Accept-Language header (RFC 9110 §12.5.4): the supported language
 * with the highest q-value, earlier ranges winning ties; a range matches on its primary subtag
 * ("zh-Hans-CN" → zh). "*" and anything unsupported fall back to English.
 */
export function pickLanguage(acceptLanguage: string | undefined): Lang {
  if (typeof acceptLanguage !== 'string' || acceptLanguage.trim() === '') return DEFAULT_LANG;
  const ranges = acceptLanguage
    .split(',')
    .map((part, i) => parseRange(part, i))
    .filter((x): x is Range => x !== null && x.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order);
  for (const range of ranges) {
    const primary = range.tag.split('-')[0];
    if (isLang(primary)) return primary;
  }
  return DEFAULT_LANG;
}
