import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PROVIDER_KINDS, type ProviderKind } from '@capmatch/taxonomy';
import { OneOf, ServerSetFields, TextField } from '@capmatch/platform';
import { ValidateBy, type ValidationArguments } from 'class-validator';
import { countryProblem } from './provider-rules';

/** Judges `country` against `kind` on the same object, so every bad field is named at once. */
function CountryFitsKind() {
  const problem = (value: unknown, args?: ValidationArguments) =>
    countryProblem((args?.object as { kind?: unknown } | undefined)?.kind, value);
  return ValidateBy({
    name: 'countryFitsKind',
    validator: {
      validate: (value: unknown, args?: ValidationArguments) => problem(value, args) === null,
      defaultMessage: (args?: ValidationArguments) => `$property ${problem(args?.value, args) ?? 'is invalid'}`,
    },
  });
}

@ServerSetFields('id', 'origin', 'version', 'createdAt', 'updatedAt')
export class CreateProviderDto {
  @ApiProperty({ minLength: 2, maxLength: 200, example: 'Deutsche Gesellschaft für Internationale Zusammenarbeit' })
  @TextField(2, 200)
  name: string;

  @ApiProperty({ enum: PROVIDER_KINDS, example: 'government' })
  @OneOf(PROVIDER_KINDS)
  kind: ProviderKind;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    pattern: '^[A-Z]{3}$',
    example: 'DEU',
    description:
      'ISO 3166-1 alpha-3 of a known country. Required for every kind but `multilateral` and ' +
      '`development-bank`, which must have none (400 naming `country`).',
  })
  @CountryFitsKind()
  country?: string | null;
}
