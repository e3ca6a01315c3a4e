import type { CooperationTypeName } from '@capmatch/contracts';
import type { ProviderKind } from '@capmatch/taxonomy';
import { sectorsOf } from './dac-sectors';
import { element, textElement } from './xml';

/** IATI CollaborationType: 1 bilateral, 2 multilateral (inflows), 8 bilateral, triangular co-operation. */
export const COLLABORATION_TYPE: Readonly<Record<CooperationTypeName, string>> = {
  'north-south': '1',
  'south-south': '1',
  multilateral: '2',
  triangular: '8',
};

/** IATI OrganisationRole. */
export const ORG_ROLE = { funding: '1', implementing: '4' } as const;

/** IATI ActivityStatus 2: implementation (an agreed partnership is under way). */
export const ACTIVITY_STATUS_IMPLEMENTATION = '2';

/** IATI ActivityDateType 1 planned start, 3 planned end. */
export const ACTIVITY_DATE = { plannedStart: '1', plannedEnd: '3' } as const;

/** IATI TagVocabulary 2: UN Sustainable Development Goals, codes 1–17. */
export const SDG_GOAL_VOCABULARY = '2';

/** IATI DescriptionType 1 general, 4 other (each offer's own text). */
const DESCRIPTION = { general: '1', other: '4' } as const;

/** IATI OrganisationType from the contract's provider kinds. */
export const ORG_TYPE: Readonly<Record<ProviderKind, string>> = {
  government: '10',
  multilateral: '40',
  'development-bank': '40',
  'private-sector': '70',
  academia: '80',
  'civil-society': '22',
  'technical-community': '90',
};

export interface ActivityParty {
  providerName: string;
  providerKind: string;
  offerTitle: string;
  offerDescription: string;
  /** Language of the offer's texts (ISO 639). */
  language: string;
  role: 'provider' | 'facilitator';
}

/** One agreed partnership, with the texts of its request and offers, as the export needs it. */
export interface ActivityInput {
  identifier: string;
  lastUpdated: string;
  title: string;
  description: string;
  /** Language of the request's title and description. */
  language: string;
  /** ISO 3166-1 alpha-2 of the requesting country. */
  recipientCountry: string;
  cooperationType: CooperationTypeName;
  window: { start: string; end: string };
  capacityAreas: string[];
  sdgs: number[];
  parties: ActivityParty[];
}

export interface ReportingOrg {
  ref: string;
  type: string;
  name: string;
}

const narrative = (lang: string, text: string) => textElement('narrative', { 'xml:lang': lang }, text);

function participatingOrg(party: ActivityParty, cooperationType: CooperationTypeName): string {
  const funding = cooperationType === 'triangular' && party.role === 'facilitator';
  return element('participating-org', {
    role: funding ? ORG_ROLE.funding : ORG_ROLE.implementing,
    type: ORG_TYPE[party.providerKind as ProviderKind],
  }, [narrative(party.language, party.providerName)]);
}

/** One `iati-activity`, its children in the order the 2.03 schema's sequence requires. */
export function iatiActivity(a: ActivityInput, org: ReportingOrg): string {
  const children = [
    textElement('iati-identifier', {}, a.identifier),
    element('reporting-org', { ref: org.ref, type: org.type }, [narrative('en', org.name)]),
    element('title', {}, [narrative(a.language, a.title)]),
    element('description', { type: DESCRIPTION.general }, [narrative(a.language, a.description)]),
    ...a.parties.map((p) => element('description', { type: DESCRIPTION.other }, [
      narrative(p.language, `${p.offerTitle}: ${p.offerDescription}`),
    ])),
    ...a.parties.map((p) => participatingOrg(p, a.cooperationType)),
    element('activity-status', { code: ACTIVITY_STATUS_IMPLEMENTATION }),
    element('activity-date', { type: ACTIVITY_DATE.plannedStart, 'iso-date': a.window.start }),
    element('activity-date', { type: ACTIVITY_DATE.plannedEnd, 'iso-date': a.window.end }),
    element('recipient-country', { code: a.recipientCountry, percentage: 100 }),
    ...sectorsOf(a.capacityAreas).map((s) => element('sector', { vocabulary: '1', code: s.code, percentage: s.percentage }, [
      narrative('en', s.name),
    ])),
    ...[...new Set(a.sdgs)].sort((x, y) => x - y).map((g) => element('tag', { vocabulary: SDG_GOAL_VOCABULARY, code: g })),
    element('collaboration-type', { code: COLLABORATION_TYPE[a.cooperationType] }),
  ];
  return element('iati-activity', { 'last-updated-datetime': a.lastUpdated, 'xml:lang': a.language, 'default-currency': 'USD' }, children);
}

/** The whole file: `iati-activities` version 2.03. The schema wants at least one activity. */
export function iatiActivities(activities: ActivityInput[], org: ReportingOrg, generatedAt: string): string {
  const body = activities.map((a) => iatiActivity(a, org));
  return `<?xml version="1.0" encoding="UTF-8"?>\n${element('iati-activities', { version: '2.03', 'generated-datetime': generatedAt }, body)}\n`;
}
