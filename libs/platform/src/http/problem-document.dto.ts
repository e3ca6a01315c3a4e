import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath } from '@nestjs/swagger';

export class FieldErrorDto {
  @ApiProperty({ example: 'window.start' }) field: string;
  @ApiProperty({ example: 'must be a date YYYY-MM-DD' }) message: string;
}

/** RFC 9457 problem document, as every error is answered. */
export class ProblemDocumentDto {
  @ApiProperty({ example: 'https://capmatch.dev/problems/bad-request' }) type: string;
  @ApiProperty({ example: 'Bad Request' }) title: string;
  @ApiProperty({ example: 400 }) status: number;
  @ApiProperty({ example: 'Invalid window.start' }) detail: string;
  @ApiPropertyOptional({ example: 'urn:request:5b0c…' }) instance?: string;
  @ApiPropertyOptional({ type: [FieldErrorDto] }) errors?: FieldErrorDto[];
}

const DESCRIPTIONS: Record<number, string> = {
  400: 'Malformed JSON, a missing, invalid or unknown field (errors names every one)',
  401: 'No token, a bad signature or an expired token',
  403: 'Authenticated but not allowed',
  404: 'No such object, or one the caller may not see',
  409: "The object's state forbids the action, or its version moved on (If-Match)",
  413: 'Body over 256 KiB',
  422: 'Idempotency-Key reused with a different body',
  429: 'Over the rate limit; see Retry-After',
  503: 'Postgres or Redis is unavailable; see Retry-After',
};

/** Documents problem answers: `@ApiProblemResponses(400, 401, 403, 404)`. */
export function ApiProblemResponses(...statuses: number[]) {
  return applyDecorators(
    ApiExtraModels(ProblemDocumentDto),
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status] ?? 'Error',
        content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDocumentDto) } } },
      }),
    ),
  );
}
