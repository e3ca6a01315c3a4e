import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { OfferSnapshot } from '@capmatch/contracts';
import { ApiProblemResponses, type AuthUser, CurrentUser, Idempotent, IfMatch, PageQuery, Roles, UuidParam } from '@capmatch/platform';
import { CreateOfferDto } from './create-offer.dto';
import { toHistoryEntry } from './history-response';
import { ListOffersDto } from './list-offers.dto';
import { OfferHistoryEntryDto, OfferResponseDto } from './offer-response.dto';
import { OfferQueriesService } from './offer-queries.service';
import { OffersService } from './offers.service';
import { UpdateOfferDto } from './update-offer.dto';
import { WithdrawOfferDto } from './withdraw-offer.dto';

const pageOf = (model: object) => ({
  schema: {
    type: 'object',
    required: ['items', 'nextCursor'],
    properties: {
      items: { type: 'array', items: { $ref: getSchemaPath(model as never) } },
      nextCursor: { type: 'string', nullable: true, description: 'Pass as `cursor` for the next page; null on the last' },
    },
  },
});
const IF_MATCH = { name: 'If-Match', required: false, description: 'Expected version, e.g. "3"; 409 when the offer has moved on' };

@ApiTags('offers')
@ApiBearerAuth()
@ApiExtraModels(OfferResponseDto, OfferHistoryEntryDto)
@Controller('v1/offers')
export class OffersController {
  constructor(
    private readonly offers: OffersService,
    private readonly queries: OfferQueriesService,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('donor', 'coordinator', 'admin')
  @Idempotent()
  @ApiOperation({
    summary: 'Publish an offer (donor for its own provider; coordinator, admin with providerId)',
    description:
      'Every bad field is named at once (400). `civilianUseOnly` must be true. A `facilitator` offer from a provider of origin ' +
      '`south` is refused (400, `role`). A donor whose token names an unregistered provider gets 403. Honours `Idempotency-Key`. ' +
      'Emits `offer.published`.',
  })
  @ApiCreatedResponse({ type: OfferResponseDto })
  @ApiProblemResponses(400, 401, 403, 413, 422, 429)
  create(@Body() dto: CreateOfferDto, @CurrentUser() user: AuthUser): Promise<OfferSnapshot> {
    return this.offers.create(dto, user);
  }

  @Get()
  @ApiOperation({
    summary: 'List offers, newest first',
    description:
      'Coordinators and admins see every offer; a donor sees its own provider\'s offers in any status plus the open offers ' +
      'of others; a country sees open offers only.',
  })
  @ApiOkResponse(pageOf(OfferResponseDto))
  @ApiProblemResponses(400, 401, 429)
  list(@Query() query: ListOffersDto, @CurrentUser() user: AuthUser): Promise<{ items: OfferSnapshot[]; nextCursor: string | null }> {
    return this.queries.list(query, user);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One offer', description: 'An offer the caller may not see (see the list) answers 404.' })
  @ApiOkResponse({ type: OfferResponseDto })
  @ApiProblemResponses(400, 401, 404, 429)
  get(@UuidParam('id') id: string, @CurrentUser() user: AuthUser): Promise<OfferSnapshot> {
    return this.queries.get(id, user);
  }

  @Patch(':id')
  @Roles('donor', 'coordinator', 'admin')
  @ApiOperation({
    summary: 'Edit an offer (its donor, coordinator, admin)',
    description:
      'Given fields replace the stored ones. `slots` may not go below the slots already used (409); raising the slots of an ' +
      'exhausted offer reopens it, lowering them to the used count exhausts it. A withdrawn offer cannot be edited (409). ' +
      'Another provider\'s open offer answers 403, one the caller cannot see 404. Emits `offer.updated` when anything changed.',
  })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: OfferResponseDto })
  @ApiProblemResponses(400, 401, 403, 404, 409, 413, 429)
  update(
    @UuidParam('id') id: string,
    @Body() dto: UpdateOfferDto,
    @CurrentUser() user: AuthUser,
    @IfMatch() version: number | undefined,
  ): Promise<OfferSnapshot> {
    return this.offers.update(id, dto, user, version);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Roles('donor', 'coordinator', 'admin')
  @ApiOperation({
    summary: 'Withdraw an offer (its donor, coordinator, admin)',
    description: 'Final. Withdrawing twice answers 409. Emits `offer.withdrawn`.',
  })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: OfferResponseDto })
  @ApiProblemResponses(400, 401, 403, 404, 409, 429)
  withdraw(
    @UuidParam('id') id: string,
    @Body() dto: WithdrawOfferDto,
    @CurrentUser() user: AuthUser,
    @IfMatch() version: number | undefined,
  ): Promise<OfferSnapshot> {
    return this.offers.withdraw(id, dto.reason, user, version);
  }

  @Get(':id/history')
  @Roles('donor', 'coordinator', 'admin')
  @ApiOperation({
    summary: 'Audit trail of an offer, oldest first (its donor, coordinator, admin)',
    description: 'Who (subject and role), when, what changed (field by field) and why. Countries: 403.',
  })
  @ApiOkResponse(pageOf(OfferHistoryEntryDto))
  @ApiProblemResponses(400, 401, 403, 404, 429)
  async history(
    @UuidParam('id') id: string,
    @Query() page: PageQuery,
    @CurrentUser() user: AuthUser,
  ): Promise<{ items: OfferHistoryEntryDto[]; nextCursor: string | null }> {
    const found = await this.queries.history(id, user, page);
    return { items: found.items.map(toHistoryEntry), nextCursor: found.nextCursor };
  }
}
