import { cooperationTypeOf } from '@capmatch/taxonomy';
import { combinationKey } from '../ranking/combination-key';
import {
  noSharedCapacityArea,
  noSharedLanguage,
  offerFromRequesterCountry,
  offerNotOpen,
  requesterNotEligible,
  windowsDisjoint,
} from './offer-checks';
import { keysOf, rejectionEffect, rejectionsOf, type RejectedInput } from './rejections';
import { ALL_COOPERATION_TYPES, type CooperationType, type MatchOffer, type MatchRequest } from '../types';

// The nine hard rules of the contract ("Suggestions and partnerships"), numbered as there.
// A combination is a request plus its offers in suggestion order: one offer, or a provider
// offer then a facilitator offer for triangular cooperation.

export interface RuleInput {
  readonly request: MatchRequest;
  readonly offers: readonly MatchOffer[];
  /** Rejected combination keys, or rejections with the effects of their reason codes. */
  readonly rejected: RejectedInput;
}

export interface HardRule {
  readonly id: number;
  readonly name: string;
  /** Null when the combination passes, else why it fails. */
  check(input: RuleInput): string | null;
}

export interface RuleViolation {
  readonly rule: number;
  readonly name: string;
  readonly reason: string;
}

/** The request's accepted cooperation types; absent or empty means all four. */
export function acceptedTypes(request: MatchRequest): readonly CooperationType[] {
  const types = request.cooperationTypes;
  return types && types.length > 0 ? types : ALL_COOPERATION_TYPES;
}

/** Applies a per-offer check to each offer and joins the reasons of those that fail. */
function eachOffer(offers: readonly MatchOffer[], check: (o: MatchOffer) => string | null): string | null {
  const reasons = offers.map(check).filter((r): r is string => r !== null);
  return reasons.length ? reasons.join('; ') : null;
}

function placementProblem(offers: readonly MatchOffer[]): string | null {
  if (offers.length === 1) {
    const [only] = offers;
    return only.role === 'facilitator'
      ? `offer ${only.id} is a facilitator: it can only be the second offer of a triangular suggestion`
      : null;
  }
  if (offers.length !== 2) return `a suggestion holds one or two offers, not ${offers.length}`;
  const [provider, facilitator] = offers;
  const problems: string[] = [];
  if (provider.role !== 'provider' || provider.origin !== 'south') {
    problems.push(`the first offer of a triangular suggestion must be a south provider offer; ${provider.id} is a ${provider.origin} ${provider.role}`);
  }
  if (facilitator.role !== 'facilitator') problems.push(`the second offer ${facilitator.id} is not a facilitator`);
  if (facilitator.origin === 'south') {
    problems.push(`facilitator ${facilitator.id} has origin south; only north or multilateral facilitators may join`);
  }
  return problems.length ? problems.join('; ') : null;
}

export const HARD_RULES: readonly HardRule[] = [
  {
    id: 1,
    name: 'open',
    check: ({ request, offers }) => {
      const own = request.status === 'open' ? null : `the request is ${request.status}, not open`;
      const reasons = [own, eachOffer(offers, offerNotOpen)].filter((r): r is string => r !== null);
      return reasons.length ? reasons.join('; ') : null;
    },
  },
  { id: 2, name: 'not-own-country', check: ({ request, offers }) => eachOffer(offers, (o) => offerFromRequesterCountry(request, o)) },
  { id: 3, name: 'eligible', check: ({ request, offers }) => eachOffer(offers, (o) => requesterNotEligible(request, o)) },
  { id: 4, name: 'window-overlap', check: ({ request, offers }) => eachOffer(offers, (o) => windowsDisjoint(request, o)) },
  { id: 5, name: 'shared-language', check: ({ request, offers }) => eachOffer(offers, (o) => noSharedLanguage(request, o)) },
  {
    id: 6,
    name: 'shared-capacity-area',
    check: ({ request, offers }) => (offers.length ? noSharedCapacityArea(request, offers[0]) : 'no offer'),
  },
  {
    id: 7,
    name: 'cooperation-type-accepted',
    check: ({ request, offers }) => {
      const type = cooperationTypeOf(offers);
      if (type === null) return 'these offers form no cooperation type';
      return acceptedTypes(request).includes(type) ? null : `the request does not accept ${type} cooperation`;
    },
  },
  {
    id: 8,
    name: 'not-rejected',
    check: ({ request, offers, rejected }) =>
      keysOf(rejected).has(combinationKey(request.id, offers.map((o) => o.id)))
        ? 'coordinators rejected this combination for this request before'
        : rejectionEffect(rejectionsOf(rejected), request, offers),
  },
  { id: 9, name: 'facilitator-placement', check: ({ offers }) => placementProblem(offers) },
];

const NONE: ReadonlySet<string> = new Set();

/**
 * Every hard rule the combination fails, with the reason; empty when it may be suggested.
 * `offers` are in suggestion order (provider first, facilitator second).
 */
export function explainExclusion(
  request: MatchRequest,
  offers: readonly MatchOffer[],
  rejected: RejectedInput = NONE,
): RuleViolation[] {
  const input = { request, offers, rejected };
  const out: RuleViolation[] = [];
  for (const rule of HARD_RULES) {
    const reason = rule.check(input);
    if (reason !== null) out.push({ rule: rule.id, name: rule.name, reason });
  }
  return out;
}
