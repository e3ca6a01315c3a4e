import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses, CurrentUser, PageQuery, Roles, type AuthUser, type Page } from '@capmatch/platform';
import { IdParam } from '../http/id-param';
import { ReasonDto } from '../http/reason.dto';
import { ListSuggestionsQuery } from './list-suggestions.query';
import { RejectService } from './reject.service';
import { SuggestionQueries, type HistoryEntry, type SuggestionView } from './suggestion-queries.service';
import { SuggestionDto, SuggestionHistoryPageDto, SuggestionPageDto } from './suggestion.dto';

const VISIBILITY =
  'A country sees suggestions for its own requests, a donor those holding an offer of its provider, ' +
  'coordinators and admins all; anything else answers 404.';

@ApiTags('suggestions')
@ApiBearerAuth()
@Controller('v1/suggestions')
export class SuggestionsController {
  constructor(
    private readonly queries: SuggestionQueries,
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
  get(@CurrentUser() user: AuthUser, @IdParam() id: string): Promise<SuggestionView> {
    return this.queries.get(user, id);
  }

  @Get(':id/history')
  @ApiOperation({
    summary: 'Audit trail of a suggestion, oldest first',
    description: `Every state change: proposed, superseded (with why), accepted, rejected (with the reason); who and when. ${VISIBILITY}`,
  })
  @ApiResponse({ status: 200, type: SuggestionHistoryPageDto })
  @ApiProblemResponses(400, 401, 404, 429)
  history(@CurrentUser() user: AuthUser, @IdParam() id: string, @Query() query: PageQuery): Promise<Page<HistoryEntry>> {
    return this.queries.history(user, id, query);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Roles('coordinator', 'admin')
  @ApiOperation({
    summary: 'Reject a proposed suggestion, with a reason',
    description:
      'The combination is never proposed to that request again; the request gets its next best suggestion instead. ' +
      '409 when the suggestion is not proposed. Emits `suggestion.rejected`.',
  })
  @ApiResponse({ status: 200, type: SuggestionDto, description: 'The rejected suggestion' })
  @ApiProblemResponses(400, 401, 403, 404, 409, 413, 429)
  reject(@CurrentUser() user: AuthUser, @IdParam() id: string, @Body() body: ReasonDto): Promise<SuggestionView> {
    return this.rejects.reject(user, id, body.reason);
  }
}
