import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { LegacyPartnershipSnapshot } from '@capmatch/contracts';
import {
  ApiProblemResponses, CurrentUser, InvalidFieldsException, PageQuery, Roles, type AuthUser, type Page,
} from '@capmatch/platform';
import { PartnershipDto } from '../partnerships/partnership.dto';
import { AcceptService } from './accept.service';
import { ListSuggestionsQuery } from './list-suggestions.query';
import { RejectService } from './reject.service';
import { REASON_CODE_EFFECTS, RejectSuggestionDto } from './reject-suggestion.dto';
import { SuggestionQueries, type HistoryEntry, type SuggestionView } from './suggestion-queries.service';
import { SuggestionDto, SuggestionHistoryPageDto, SuggestionPageDto } from './suggestion.dto';

const SuggestionId = () =>
  Param('id', new ParseUUIDPipe({ exceptionFactory: () => new InvalidFieldsException([{ field: 'id', message: 'id must be a UUID' }]) }));

const VISIBILITY =
  'A country sees suggestions for its own requests, a donor those holding an offer of its provider, ' +
  'coordinators and admins all; anything else answers 404.';

@ApiTags('suggestions')
@ApiBearerAuth()
@Controller('v1/suggestions')
export class SuggestionsController {
  constructor(
    private readonly queries: SuggestionQueries,
    private readonly accepts: AcceptService,
    private readonly rejects: RejectService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List suggestions, best score first (then id)', description: VISIBILITY })
  @ApiResponse({ status: 200, type: SuggestionPageDto })
  @ApiProblemResponses(400, 401, 429)
  list(@CurrentUser() user: AuthUser, @Query() query: ListSuggestionsQuery): Promise<Page<SuggestionView>> {
    return this.queries.list(user, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One suggestion with its explanation', description: VISIBILITY })
  @ApiResponse({ status: 200, type: SuggestionDto })
  @ApiProblemResponses(400, 401, 404, 429)
  get(@CurrentUser() user: AuthUser, @SuggestionId() id: string): Promise<SuggestionView> {
    return this.queries.get(user, id);
  }

  @Get(':id/history')
  @ApiOperation({
    summary: 'Audit trail of a suggestion, oldest first',
    description: `Every state change: proposed, superseded (with why), accepted, rejected (with the reason); who and when. ${VISIBILITY}`,
  })
  @ApiResponse({ status: 200, type: SuggestionHistoryPageDto })
  @ApiProblemResponses(400, 401, 404, 429)
  history(@CurrentUser() user: AuthUser, @SuggestionId() id: string, @Query() query: PageQuery): Promise<Page<HistoryEntry>> {
    return this.queries.history(user, id, query);
  }

  @Post(':id/accept')
  @Roles('coordinator', 'admin')
  @ApiOperation({
    summary: 'Accept a proposed suggestion: it becomes a partnership',
    description:
      'Takes one slot of every offer in it; the request becomes matched and its other proposals superseded; an offer ' +
      'left with no slot has its other proposals superseded. 409 when the suggestion is not proposed, the request is ' +
      'not open, or an offer is not open or has no slot left (of racing accepts for a last slot exactly one wins). ' +
      'Emits `partnership.created`. No body.',
  })
  @ApiResponse({ status: 201, type: PartnershipDto, description: 'The partnership created' })
  @ApiProblemResponses(400, 401, 403, 404, 409, 429)
  accept(@CurrentUser() user: AuthUser, @SuggestionId() id: string): Promise<LegacyPartnershipSnapshot> {
    return this.accepts.accept(user, id);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Roles('coordinator', 'admin')
  @ApiOperation({
    summary: 'Reject a proposed suggestion, with a reason',
    description:
      'The combination is never proposed to that request again; the request gets its next best suggestion instead. ' +
      '`reason` (free text) is required; `reasonCode` is optional and narrows the later suggestions. ' +
      REASON_CODE_EFFECTS +
      ' 409 when the suggestion is not proposed. Emits `suggestion.rejected`.',
  })
  @ApiResponse({ status: 200, type: SuggestionDto, description: 'The rejected suggestion' })
  @ApiProblemResponses(400, 401, 403, 404, 409, 413, 429)
  reject(@CurrentUser() user: AuthUser, @SuggestionId() id: string, @Body() body: RejectSuggestionDto): Promise<SuggestionView> {
    return this.rejects.reject(user, id, body.reason, body.reasonCode ?? null);
  }
}
