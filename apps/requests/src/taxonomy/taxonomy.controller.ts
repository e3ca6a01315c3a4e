import { Controller, Get, Headers, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiProblemResponses } from '@capmatch/platform';
import { LANGS, taxonomyFor, type TaxonomyBody } from '@capmatch/taxonomy';
import { TaxonomyDto } from './taxonomy.dto';

@ApiTags('taxonomy')
@ApiBearerAuth()
@Controller('v1/taxonomy')
export class TaxonomyController {
  @Get()
  @ApiOperation({
    summary: 'Every vocabulary of the contract with labels',
    description: `Labels in the best language of Accept-Language among ${LANGS.join(', ')}; English otherwise. Content-Language says which.`,
  })
  @ApiHeader({ name: 'Accept-Language', required: false, example: 'fr-CH, fr;q=0.9, en;q=0.8' })
  @ApiOkResponse({ type: TaxonomyDto, headers: { 'Content-Language': { description: 'Language of the labels', schema: { enum: [...LANGS] } } } })
  @ApiProblemResponses(401, 429)
  get(@Headers('accept-language') acceptLanguage: string | undefined, @Res({ passthrough: true }) res: Response): TaxonomyBody {
    const body = taxonomyFor(acceptLanguage);
    res.setHeader('Content-Language', body.language);
    res.vary('Accept-Language');
    return body;
  }
}
