import { Module } from '@nestjs/common';
import { CountriesController } from './countries.controller';
import { TaxonomyController } from './taxonomy.controller';

/** Read-only vocabularies and the country classification, served from @capmatch/taxonomy. */
@Module({ controllers: [TaxonomyController, CountriesController] })
export class TaxonomyModule {}
