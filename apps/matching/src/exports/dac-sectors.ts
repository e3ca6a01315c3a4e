// Capacity areas (contract vocabulary) to OECD DAC 5-digit purpose codes (IATI Sector codelist,
// vocabulary 1). The DAC list has no AI sector: each area goes to the purpose code whose
// published description covers most of what such projects do. The table is the documentation
// (apps/matching/README.md shows it too); a spec checks every area is mapped to a 5-digit code.
import type { CapacityArea } from '@capmatch/taxonomy';

export interface DacSector {
  code: string;
  /** The purpose code's name in the DAC list. */
  name: string;
}

export const DAC_SECTOR_OF: Readonly<Record<CapacityArea, DacSector>> = {
  'ai-strategy-and-policy': { code: '22010', name: 'Communications policy, planning and administration' },
  'ai-governance-and-ethics': { code: '15130', name: 'Legal and judicial development' },
  'digital-infrastructure': { code: '22020', name: 'Telecommunications' },
  compute: { code: '22040', name: 'Information and communication technology (ICT)' },
  data: { code: '16062', name: 'Statistical capacity building' },
  'language-technology': { code: '22040', name: 'Information and communication technology (ICT)' },
  'skills-and-education': { code: '11430', name: 'Advanced technical and managerial training' },
  'research-and-innovation': { code: '43082', name: 'Research/scientific institutions' },
  'public-sector-ai': { code: '15110', name: 'Public sector policy and administrative management' },
  'ai-safety-and-evaluation': { code: '32182', name: 'Technological research and development' },
};

export interface SectorShare extends DacSector {
  percentage: number;
}

/**
 * The distinct DAC sectors of a set of capacity areas, with percentages that add up to exactly
 * 100 (IATI's rule for one vocabulary): equal shares in hundredths, the remainder on the first.
 */
export function sectorsOf(capacityAreas: readonly string[]): SectorShare[] {
  const seen = new Map<string, DacSector>();
  for (const area of capacityAreas) {
    const sector = DAC_SECTOR_OF[area as CapacityArea];
    if (sector && !seen.has(sector.code)) seen.set(sector.code, sector);
  }
  const sectors = [...seen.values()];
  if (sectors.length === 0) return [];
  const share = Math.floor(10_000 / sectors.length);
  const first = 10_000 - share * (sectors.length - 1);
  return sectors.map((s, i) => ({ ...s, percentage: (i === 0 ? first : share) / 100 }));
}
