import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { REJECTION_REASON_CODES, type RejectionReasonCode } from '@capmatch/engine';
import { ReasonDto } from '../http/reason.dto';

/** What each reason code does to the request's later suggestions (libs/engine/src/rules/rejections.ts). */
export const REASON_CODE_EFFECTS =
  'Optional structured reason; each code narrows what the request is suggested next (the rejected combination never comes back in any case): ' +
  "`capacity-mismatch` drops the rejected provider offer in every variant and requires every other providing offer to cover the request's first capacity area; " +
  "`language-mismatch` drops the rejected provider offer in every variant and requires every other providing offer to deliver in the request's first delivery language; " +
  "`provider-unsuitable` drops every offer of the providing offer's organisation, as provider and as facilitator; " +
  '`budget` keeps only combinations whose offered budget covers the whole budget asked; ' +
  '`timing` keeps only combinations whose offers all run the whole requested window; ' +
  '`other` (or no code) has no effect beyond the combination itself.';

/** Body of POST /v1/suggestions/{id}/reject: the free-text reason, and optionally a reason code. */
export class RejectSuggestionDto extends ReasonDto {
  @ApiPropertyOptional({ enum: REJECTION_REASON_CODES, example: 'language-mismatch', description: REASON_CODE_EFFECTS })
  @IsOptional()
  @IsIn(REJECTION_REASON_CODES, { message: `reasonCode must be one of ${REJECTION_REASON_CODES.join(', ')}` })
  reasonCode?: RejectionReasonCode;
}
