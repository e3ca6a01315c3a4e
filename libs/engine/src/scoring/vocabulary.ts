// Interns vocabulary values to small integers so the hot path compares bitmasks and numbers
// instead of strings. One process-wide table per vocabulary: requests and offers only need to
// agree with each other, and the ids never leave the process (nothing is stored by id).

export class Interner {
  private readonly ids = new Map<string, number>();

  constructor(private readonly limit: number, private readonly what: string) {}

  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.ids.size;
      // Bitmask vocabularies fit in 31 bits; the closed contract vocabularies have at most 17.
      if (id >= this.limit) throw new RangeError(`too many distinct ${this.what} values (limit ${this.limit})`);
      this.ids.set(value, id);
    }
    return id;
  }
}

const capacityAreas = new Interner(31, 'capacity area');
const modalities = new Interner(31, 'modality');
const targetGroups = new Interner(31, 'target group');
// Bucket keys pack (area, language, token) into one small integer (offer-index.ts), which
// bounds these two: ISO 639-3 has under 8,000 codes; tokens are countries, regions and groups.
export const LANGUAGE_LIMIT = 1 << 13;
export const TOKEN_LIMIT = 1 << 12;
const languages = new Interner(LANGUAGE_LIMIT, 'language');
const eligibilityTokens = new Interner(TOKEN_LIMIT, 'eligibility token');
const countries = new Interner(1 << 16, 'country');

function maskOf(interner: Interner, values: readonly string[]): number {
  let mask = 0;
  for (const v of values) mask |= 1 << interner.id(v);
  return mask;
}

export const areaMask = (values: readonly string[]): number => maskOf(capacityAreas, values);
export const modalityMask = (values: readonly string[]): number => maskOf(modalities, values);
export const targetGroupMask = (values: readonly string[]): number => maskOf(targetGroups, values);
export const languageId = (code: string): number => languages.id(code);
export const tokenId = (token: string): number => eligibilityTokens.id(token);
/** Interned country code; -1 for none (international organisations). */
export const countryId = (code: string | null): number => (code === null ? -1 : countries.id(code));

/** SDGs are 1–17: bit sdg - 1. Out-of-range values are ignored (they cannot match anything). */
export function sdgMask(values: readonly number[]): number {
  let mask = 0;
  for (const v of values) if (Number.isInteger(v) && v >= 1 && v <= 31) mask |= 1 << (v - 1);
  return mask;
}

/** Number of set bits of a 32-bit integer (Hacker's Delight 5-2). */
export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** Indices of the set bits, low to high. */
export function bitsOf(mask: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < 32; i++) if (mask & (1 << i)) out.push(i);
  return out;
}
