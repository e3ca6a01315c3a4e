import { randomUUID } from 'node:crypto';
import type { OfferEligibility } from '@capmatch/contracts';
import type { ProviderEntity } from '../providers/provider.entity';
import type { CreateOfferDto } from './create-offer.dto';
import type { EligibilityDto } from './eligibility.dto';
import type { OfferEntity } from './offer.entity';
import { resizeSlots, usedSlots } from './offer-slots';
import type { UpdateOfferDto } from './update-offer.dto';

function eligibilityOf(dto: EligibilityDto | undefined): OfferEligibility {
  return { regions: dto?.regions ?? [], countries: dto?.countries ?? [], groups: dto?.groups ?? [] };
}

/** A new open offer with every slot free; origin comes from the provider (taxonomy originOf). */
export function newOffer(dto: CreateOfferDto, provider: ProviderEntity, now: Date): OfferEntity {
  return {
    id: randomUUID(),
    providerId: provider.id,
    origin: provider.origin,
    title: dto.title,
    description: dto.description,
    language: dto.language,
    capacityAreas: dto.capacityAreas,
    modalities: dto.modalities,
    sdgs: dto.sdgs ?? [],
    targetGroups: dto.targetGroups ?? [],
    deliveryLanguages: dto.deliveryLanguages,
    eligibility: eligibilityOf(dto.eligibility),
    slots: dto.slots,
    remainingSlots: dto.slots,
    budgetUsd: dto.budgetUsd ?? null,
    role: dto.role ?? 'provider',
    windowStart: dto.window.start,
    windowEnd: dto.window.end,
    openSource: dto.openSource ?? false,
    technologyTransferTerms: dto.technologyTransferTerms ?? null,
    civilianUseOnly: true,
    status: 'open',
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
}

/** Field names an edit copies as they are (arrays and objects replace the stored value whole). */
const COPIED = [
  'title',
  'description',
  'language',
  'capacityAreas',
  'modalities',
  'sdgs',
  'targetGroups',
  'deliveryLanguages',
  'budgetUsd',
  'role',
  'openSource',
  'technologyTransferTerms',
] as const;

export type EditOutcome = { ok: true } | { ok: false; used: number };

/**
 * Applies an edit in place. Only given fields change; `null` clears the nullable ones
 * (budgetUsd, technologyTransferTerms). Slots follow resizeSlots: never below the slots used.
 */
export function applyEdit(offer: OfferEntity, dto: UpdateOfferDto): EditOutcome {
  if (dto.slots !== undefined) {
    const resized = resizeSlots(offer, dto.slots);
    if (!resized) return { ok: false, used: usedSlots(offer) };
    Object.assign(offer, resized);
  }
  const target = offer as unknown as Record<string, unknown>;
  for (const field of COPIED) {
    if (dto[field] !== undefined) target[field] = dto[field];
  }
  if (dto.eligibility !== undefined) offer.eligibility = eligibilityOf(dto.eligibility);
  if (dto.window !== undefined) {
    offer.windowStart = dto.window.start;
    offer.windowEnd = dto.window.end;
  }
  return { ok: true };
}
