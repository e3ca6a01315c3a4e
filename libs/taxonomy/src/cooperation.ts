import { findCountry } from './country';
import type { CooperationType, OfferRole, Origin, ProviderKind } from './vocabularies';
import { COUNTRYLESS_PROVIDER_KINDS } from './vocabularies';

/**
 * Origin of a provider's offers (domain.md): international organisations and development banks
 * are `multilateral`; a provider whose country is classified developed, or is a member of the
 * OECD Development Assistance Committee (the Republic of Korea), is `north`; any other country,
 * transition economies included, is `south`.
 */
export function originOf(provider: { kind: ProviderKind; country: string | null }): Origin {
  if (COUNTRYLESS_PROVIDER_KINDS.includes(provider.kind)) return 'multilateral';
  const country = provider.country === null ? undefined : findCountry(provider.country);
  if (!country) throw new RangeError(`provider of kind ${provider.kind} needs a known country, got ${String(provider.country)}`);
  return country.developmentStatus === 'developed' || country.oecdDac ? 'north' : 'south';
}

const SINGLE: Record<Origin, CooperationType> = {
  north: 'north-south',
  south: 'south-south',
  multilateral: 'multilateral',
};

/**
 * Cooperation type of a suggestion's offers, in the order the contract fixes (rule 9): one
 * provider offer takes its type from its origin; a southern provider offer followed by a
 * northern or multilateral facilitator offer is triangular; any other combination is not a
 * valid suggestion (null).
 */
export function cooperationTypeOf(offers: ReadonlyArray<{ origin: Origin; role: OfferRole }>): CooperationType | null {
  if (offers.length === 1) {
    const [only] = offers;
    return only.role === 'provider' ? SINGLE[only.origin] : null;
  }
  if (offers.length === 2) {
    const [provider, facilitator] = offers;
    const triangular =
      provider.role === 'provider' &&
      provider.origin === 'south' &&
      facilitator.role === 'facilitator' &&
      facilitator.origin !== 'south';
    return triangular ? 'triangular' : null;
  }
  return null;
}
