import { ForbiddenException, Injectable } from '@nestjs/common';
import { type AuthUser, type FieldError, InvalidFieldsException } from '@capmatch/platform';
import type { ProviderEntity } from '../providers/provider.entity';
import { ProvidersService } from '../providers/providers.service';
import { CreateOfferDto } from './create-offer.dto';

/**
 * Triangular cooperation pairs a Southern provider with a facilitator from the North or an
 * international organisation (domain.md), so a Southern provider cannot publish a facilitator offer.
 */
export function facilitatorProblems(
  role: string | undefined,
  provider: Pick<ProviderEntity, 'origin'> | null,
): FieldError[] {
  if (role !== 'facilitator' || provider?.origin !== 'south') return [];
  return [
    {
      field: 'role',
      message:
        'a facilitator offer must come from a provider of origin north or multilateral ' +
        '(the third party of triangular cooperation); this provider is of origin south',
    },
  ];
}

/**
 * Checks an offer body completely, including what depends on the caller and on stored
 * providers, and names every bad field in one 400.
 */
@Injectable()
export class OfferInputService {
  constructor(private readonly providers: ProvidersService) {}

  /** The body itself was validated by the global pipe; this adds what depends on the caller and on stored providers. */
  async forCreate(dto: CreateOfferDto, user: AuthUser): Promise<ProviderEntity> {
    const errors: FieldError[] = [];
    // A donor's provider is its token's: naming one in the body is refused, not ignored.
    if (user.role === 'donor' && dto.providerId !== undefined) {
      errors.push({ field: 'providerId', message: "providerId is set by the server from the donor token's providerId claim" });
    }
    const provider = user.role === 'donor' ? await this.donorProvider(user) : await this.namedProvider(dto, errors);
    errors.push(...facilitatorProblems(dto.role, provider));
    if (errors.length > 0 || !provider) throw new InvalidFieldsException(errors);
    return provider;
  }

  /** A donor token whose provider is not registered may not publish at all: 403, not a field error. */
  private async donorProvider(user: AuthUser): Promise<ProviderEntity> {
    const provider = user.providerId ? await this.providers.find(user.providerId) : null;
    if (!provider) throw new ForbiddenException("The provider of this donor token (claim providerId) is not registered");
    return provider;
  }

  private async namedProvider(dto: CreateOfferDto, errors: FieldError[]): Promise<ProviderEntity | null> {
    if (errors.some((e) => e.field === 'providerId')) return null;
    if (dto.providerId === undefined || dto.providerId === null) {
      errors.push({ field: 'providerId', message: 'providerId is required for coordinators and admins' });
      return null;
    }
    const provider = await this.providers.find(dto.providerId.toLowerCase());
    if (!provider) errors.push({ field: 'providerId', message: 'providerId names no registered provider' });
    return provider;
  }
}
