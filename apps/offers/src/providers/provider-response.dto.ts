import { ApiProperty } from '@nestjs/swagger';
import { ORIGINS, PROVIDER_KINDS, type Origin, type ProviderKind } from '@capmatch/taxonomy';
import type { ProviderEntity } from './provider.entity';

export class ProviderResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ minLength: 2, maxLength: 200 })
  name: string;

  @ApiProperty({ enum: PROVIDER_KINDS })
  kind: ProviderKind;

  @ApiProperty({ type: String, nullable: true, example: 'DEU', description: 'ISO 3166-1 alpha-3; null for international organisations' })
  country: string | null;

  @ApiProperty({
    enum: ORIGINS,
    description: 'Derived: `multilateral` without a country, `north` for a developed country, `south` otherwise (transition economies included)',
  })
  origin: Origin;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiProperty({ minimum: 1 })
  version: number;
}

export function toProviderResponse(p: ProviderEntity): ProviderResponseDto {
  return {
    id: p.id,
    name: p.name,
    kind: p.kind,
    country: p.country,
    origin: p.origin,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    version: p.version,
  };
}
