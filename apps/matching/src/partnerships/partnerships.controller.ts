import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses, CurrentUser, PageQuery, Roles, type AuthUser, type Page } from '@capmatch/platform';
import { IdParam } from '../http/id-param';
import { ReasonDto } from '../http/reason.dto';
import { PartnershipQueries, type PartnershipHistoryEntry } from './partnership-queries.service';
import { PartnershipSaga } from './partnership-saga.service';
import { ListPartnershipsQuery, PartnershipDto, PartnershipHistoryPageDto, PartnershipPageDto } from './partnership.dto';
import type { PartnershipView } from './partnership.mapper';

const VISIBILITY =
  'A country sees the partnerships of its own requests, a donor those holding an offer of its provider, ' +
  'coordinators and admins all; anything else answers 404.';
const PARTIES =
  "The requesting country's `country` token acts for the request; a `donor` token for every offer of its own provider " +
  'in the partnership. Coordinators and admins get 403, anyone who may not see it 404; not pending → 409.';

@ApiTags('partnerships')
@ApiBearerAuth()
@Controller('v1/partnerships')
export class PartnershipsController {
  constructor(
    private readonly queries: PartnershipQueries,
    private readonly saga: PartnershipSaga,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List partnerships, newest first', description: VISIBILITY })
  @ApiResponse({ status: 200, type: PartnershipPageDto })
  @ApiProblemResponses(400, 401, 429)
  list(@CurrentUser() user: AuthUser, @Query() q: ListPartnershipsQuery): Promise<Page<PartnershipView>> {
    return this.queries.list(user, q);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One partnership', description: VISIBILITY })
  @ApiResponse({ status: 200, type: PartnershipDto })
  @ApiProblemResponses(400, 401, 404, 429)
  get(@CurrentUser() user: AuthUser, @IdParam() id: string): Promise<PartnershipView> {
    return this.queries.get(user, id);
  }

  @Get(':id/history')
  @ApiOperation({
    summary: 'Audit trail of a partnership, oldest first',
    description: `Proposed, reserved, held, confirmed, agreed, and how it ended; who, when and why. ${VISIBILITY}`,
  })
  @ApiResponse({ status: 200, type: PartnershipHistoryPageDto })
  @ApiProblemResponses(400, 401, 404, 429)
  history(@CurrentUser() user: AuthUser, @IdParam() id: string, @Query() q: PageQuery): Promise<Page<PartnershipHistoryEntry>> {
    return this.queries.history(user, id, q);
  }

  @Post(':id/confirm')
  @HttpCode(200)
  @Roles('country', 'donor', 'coordinator', 'admin')
  @ApiOperation({
    summary: 'Confirm a pending partnership (no body)',
    description: `${PARTIES} Confirming twice answers 200 unchanged. Once every party confirmed and the offers and requests services reserved and held, the partnership is \`agreed\` (\`partnership.agreed\`).`,
  })
  @ApiResponse({ status: 200, type: PartnershipDto })
  @ApiProblemResponses(400, 401, 403, 404, 409, 429)
  confirm(@CurrentUser() user: AuthUser, @IdParam() id: string): Promise<PartnershipView> {
    return this.saga.confirm(user, id);
  }

  @Post(':id/decline')
  @HttpCode(200)
  @Roles('country', 'donor', 'coordinator', 'admin')
  @ApiOperation({
    summary: 'Decline a pending partnership, with a reason',
    description: `${PARTIES} Ends it \`declined\` (\`partnership.ended\`): its slots are released, the request is matched again, and this combination never comes back for the request.`,
  })
  @ApiResponse({ status: 200, type: PartnershipDto })
  @ApiProblemResponses(400, 401, 403, 404, 409, 413, 429)
  decline(@CurrentUser() user: AuthUser, @IdParam() id: string, @Body() body: ReasonDto): Promise<PartnershipView> {
    return this.saga.decline(user, id, body.reason);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles('coordinator', 'admin')
  @ApiOperation({
    summary: 'Cancel a pending partnership, with a reason (coordinators and admins)',
    description: 'Ends it `cancelled` (`partnership.ended`): its slots are released and the request is matched again. Not pending → 409.',
  })
  @ApiResponse({ status: 200, type: PartnershipDto })
  @ApiProblemResponses(400, 401, 403, 404, 409, 413, 429)
  cancel(@CurrentUser() user: AuthUser, @IdParam() id: string, @Body() body: ReasonDto): Promise<PartnershipView> {
    return this.saga.cancel(user, id, body.reason);
  }
}
