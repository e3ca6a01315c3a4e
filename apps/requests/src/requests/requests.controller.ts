import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { RequestSnapshot } from '@capmatch/contracts';
import {
  ApiProblemResponses,
  CurrentUser,
  Idempotent,
  IfMatch,
  PageQuery,
  Roles,
  UuidParam,
  type AuthUser,
  type Page,
} from '@capmatch/platform';
import { CreateRequestDto } from './create-request.dto';
import { ListRequestsQuery } from './list-requests.query';
import { RequestQueries, type HistoryEntry } from './request-queries.service';
import { HistoryPageDto, WithdrawRequestDto } from './request-history.dto';
import { RequestDto, RequestPageDto } from './request.dto';
import { RequestsService } from './requests.service';
import { UpdateRequestDto } from './update-request.dto';
import { WRITER_ROLES } from './request-access';

const RequestId = () => UuidParam('id');

const ID = { name: 'id', format: 'uuid', description: 'Request id (400 when not a UUID)' };
const IF_MATCH = { name: 'If-Match', required: false, description: 'Expected version, e.g. "3": 409 when it moved on' };

@ApiTags('requests')
@ApiBearerAuth()
@Controller('v1/requests')
export class RequestsController {
  constructor(
    private readonly requests: RequestsService,
    private readonly queries: RequestQueries,
  ) {}

  @Post()
  @Roles(...WRITER_ROLES)
  // The create needs only its body and the country dataset: a repeated key is found by recordIn.
  @Idempotent({ lookUpFirst: false })
  @ApiOperation({
    summary: 'Submit a request',
    description:
      'A country focal point submits for the country in its token; coordinators and admins name `country`. ' +
      'Requests from countries classified developed, or unknown, are refused (400 on `country`).',
  })
  @ApiResponse({ status: 201, type: RequestDto })
  @ApiProblemResponses(400, 401, 403, 413, 422, 429)
  create(@CurrentUser() user: AuthUser, @Body() body: CreateRequestDto): Promise<RequestSnapshot> {
    return this.requests.create(user, body);
  }

  @Get()
  @ApiOperation({
    summary: 'List requests, newest first',
    description: 'A country sees its own requests, a donor open requests only, coordinators and admins all.',
  })
  @ApiResponse({ status: 200, type: RequestPageDto })
  @ApiProblemResponses(400, 401, 429)
  list(@CurrentUser() user: AuthUser, @Query() query: ListRequestsQuery): Promise<Page<RequestSnapshot>> {
    return this.queries.list(user, query);
  }

  @Get(':id')
  @ApiParam(ID)
  @ApiOperation({ summary: 'One request (404 when it does not exist or the caller may not see it)' })
  @ApiResponse({ status: 200, type: RequestDto })
  @ApiProblemResponses(400, 401, 404, 429)
  get(@CurrentUser() user: AuthUser, @RequestId() id: string): Promise<RequestSnapshot> {
    return this.queries.get(user, id);
  }

  @Patch(':id')
  @ApiParam(ID)
  @Roles(...WRITER_ROLES)
  @ApiOperation({ summary: 'Change an open request (partial update, same rules as submission)' })
  @ApiHeader(IF_MATCH)
  @ApiResponse({ status: 200, type: RequestDto })
  @ApiProblemResponses(400, 401, 403, 404, 409, 413, 429)
  update(
    @CurrentUser() user: AuthUser,
    @RequestId() id: string,
    @Body() body: UpdateRequestDto,
    @IfMatch() version: number | undefined,
  ): Promise<RequestSnapshot> {
    return this.requests.update(user, id, body, version);
  }

  @Post(':id/withdraw')
  @ApiParam(ID)
  @HttpCode(200)
  @Roles(...WRITER_ROLES)
  @ApiOperation({ summary: 'Withdraw an open request' })
  @ApiHeader(IF_MATCH)
  @ApiResponse({ status: 200, type: RequestDto })
  @ApiProblemResponses(400, 401, 403, 404, 409, 429)
  withdraw(
    @CurrentUser() user: AuthUser,
    @RequestId() id: string,
    @Body() body: WithdrawRequestDto,
    @IfMatch() version: number | undefined,
  ): Promise<RequestSnapshot> {
    return this.requests.withdraw(user, id, body.reason ?? undefined, version);
  }

  @Get(':id/history')
  @ApiParam(ID)
  @Roles(...WRITER_ROLES)
  @ApiOperation({
    summary: 'Audit trail of a request, oldest first',
    description: 'Every state change: who (sub and role), when, what (field-level diff), why. Donors may not read audit trails (403).',
  })
  @ApiResponse({ status: 200, type: HistoryPageDto })
  @ApiProblemResponses(400, 401, 403, 404, 429)
  history(@CurrentUser() user: AuthUser, @RequestId() id: string, @Query() query: PageQuery): Promise<Page<HistoryEntry>> {
    return this.queries.history(user, id, query);
  }
}
