import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses, CurrentUser, Idempotent, Roles, type AuthUser } from '@capmatch/platform';
import { IdParam } from '../http/id-param';
import { AllocationPlanDto, ApplyResultDto } from './allocation.dto';
import { AllocationsService, type AllocationPlanView, type ApplyResult } from './allocations.service';
import { CreateAllocationDto } from './create-allocation.dto';

@ApiTags('allocations')
@ApiBearerAuth()
@Roles('coordinator', 'admin')
@Controller('v1/allocations')
export class AllocationsController {
  constructor(private readonly allocations: AllocationsService) {}

  @Post()
  @Idempotent()
  @ApiOperation({
    summary: 'Compute an allocation plan for scarce slots',
    description:
      'Over the open requests without a pending partnership (or only `requestIds`) and their proposed suggestions ' +
      '(only those scoring at least `minScore`): at most one suggestion per request, never more slots of an offer than ' +
      'it has free. `total` maximises the sum of scores; `fair` (default) maximises, in this order, the LDC/LLDC/SIDS ' +
      'requests served, the requests served, the lowest score among them, then the sum. Solved as an integer program ' +
      '(HiGHS) in a worker thread within `ALLOCATION_TIME_LIMIT_MS` (default 30 s); a solve cut short answers the best ' +
      'plan found with `optimal: false`. `stats.greedy` gives the same figures for accepting best suggestions one by ' +
      'one. A named request that is not open or has a pending partnership is listed unassigned as `not-open`. Nothing ' +
      'is accepted until the plan is applied. Honours `Idempotency-Key`.',
  })
  @ApiResponse({ status: 201, type: AllocationPlanDto })
  @ApiProblemResponses(400, 401, 403, 413, 429)
  create(@CurrentUser() user: AuthUser, @Body() body: CreateAllocationDto): Promise<AllocationPlanView> {
    return this.allocations.create(user, body);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One allocation plan, as computed' })
  @ApiResponse({ status: 200, type: AllocationPlanDto })
  @ApiProblemResponses(400, 401, 403, 404, 429)
  get(@IdParam() id: string): Promise<AllocationPlanView> {
    return this.allocations.get(id);
  }

  @Post(':id/apply')
  @HttpCode(200)
  @Idempotent()
  @ApiOperation({
    summary: 'Accept every suggestion of the plan that still fits',
    description:
      'Accepts the plan\'s suggestions best score first, each exactly as `POST /v1/suggestions/{id}/accept` would ' +
      '(same rules, same events, a pending partnership each). A suggestion accept now refuses (no longer proposed, ' +
      'its request no longer open, an offer without a free slot) is skipped with accept\'s reason; applying twice ' +
      'accepts nothing new. No body. Honours `Idempotency-Key`.',
  })
  @ApiResponse({ status: 200, type: ApplyResultDto })
  @ApiProblemResponses(400, 401, 403, 404, 429)
  apply(@CurrentUser() user: AuthUser, @IdParam() id: string): Promise<ApplyResult> {
    return this.allocations.apply(user, id);
  }
}
