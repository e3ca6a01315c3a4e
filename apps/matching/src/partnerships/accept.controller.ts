import { Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses, CurrentUser, Roles, type AuthUser } from '@capmatch/platform';
import { IdParam } from '../http/id-param';
import { AcceptService } from './accept.service';
import { PartnershipDto } from './partnership.dto';
import type { PartnershipView } from './partnership.mapper';

/** The accept lives with partnerships: it is the first step of one. */
@ApiTags('suggestions')
@ApiBearerAuth()
@Controller('v1/suggestions')
export class AcceptController {
  constructor(private readonly accepts: AcceptService) {}

  @Post(':id/accept')
  @Roles('coordinator', 'admin')
  @ApiOperation({
    summary: 'Accept a proposed suggestion: it becomes a pending partnership',
    description:
      'The suggestion becomes accepted and the request\'s other proposals superseded; emits `partnership.proposed`, ' +
      'which the offers service answers by reserving a slot of every offer and the requests service by holding the ' +
      'request. 409 when the suggestion is not proposed, the request is not open or already has a pending ' +
      'partnership, or an offer has no free slot in the matching service\'s view. No body.',
  })
  @ApiResponse({ status: 201, type: PartnershipDto, description: 'The pending partnership' })
  @ApiProblemResponses(400, 401, 403, 404, 409, 429)
  accept(@CurrentUser() user: AuthUser, @IdParam() id: string): Promise<PartnershipView> {
    return this.accepts.accept(user, id);
  }
}
