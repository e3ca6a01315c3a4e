import { Controller, Get, Inject, NotFoundException, Param, Query } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses, InvalidFieldsException, type Page } from '@capmatch/platform';
import { findCountry } from '@capmatch/taxonomy';
import { listCountries, toCountryDto } from './country-list';
import { CountryDto, CountryPageDto, ListCountriesQuery } from './country.dto';
import { requestsConfig } from '../requests.config';

@ApiTags('countries')
@ApiBearerAuth()
@Controller('v1/countries')
export class CountriesController {
  constructor(@Inject(requestsConfig.KEY) private readonly cfg: ConfigType<typeof requestsConfig>) {}

  @Get()
  @ApiOperation({ summary: 'The country classification, by iso3', description: 'Any role. Filters combine with AND.' })
  @ApiResponse({ status: 200, type: CountryPageDto })
  @ApiProblemResponses(400, 401, 429)
  list(@Query() q: ListCountriesQuery): Page<CountryDto> {
    const filter = { region: q.region, group: q.group, developmentStatus: q.developmentStatus };
    return listCountries(filter, q.limit ?? 50, q.cursor, new Date(), this.cfg.LDC_SMOOTH_TRANSITION_YEARS);
  }

  @Get(':iso3')
  @ApiOperation({ summary: 'One country (code case-insensitive)' })
  @ApiParam({ name: 'iso3', description: 'ISO 3166-1 alpha-3, any case', example: 'rwa' })
  @ApiResponse({ status: 200, type: CountryDto })
  @ApiProblemResponses(400, 401, 404, 429)
  get(@Param('iso3') iso3: string): CountryDto {
    if (!/^[A-Za-z]{3}$/.test(iso3)) {
      throw new InvalidFieldsException([{ field: 'iso3', message: 'iso3 must be three letters (ISO 3166-1 alpha-3)' }]);
    }
    const country = findCountry(iso3);
    if (!country) throw new NotFoundException(`No country ${iso3.toUpperCase()} in the dataset`);
    return toCountryDto(country, new Date(), this.cfg.LDC_SMOOTH_TRANSITION_YEARS);
  }
}
