import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses, CurrentUser, IfMatch, Idempotent, PageQuery, UuidParam, type AuthUser, type Page } from '@capmatch/platform';
import {
  CreateWebhookDto,
  DeliveryAttemptPageDto,
  ListDeliveriesQuery,
  UpdateWebhookDto,
  WebhookCreatedDto,
  WebhookDto,
  WebhookPageDto,
  type DeliveryAttemptDto,
} from './webhook.dto';
import { WebhooksService } from './webhooks.service';

const OWNERSHIP = 'Every role manages its own webhooks; an admin any. Anyone else gets 404.';

@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('v1/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post()
  @Idempotent()
  @ApiOperation({
    summary: 'Register a webhook',
    description:
      'The receiver gets, for what its owner may see, the subscribed events as Standard Webhooks deliveries: POST with ' +
      '`webhook-id` (the event id), `webhook-timestamp` and `webhook-signature` (`v1,` + base64 HMAC-SHA256 of ' +
      '`id.timestamp.body` with the secret), body `{ "type", "timestamp", "data" }`. The `secret` is in this answer only. ' +
      'A country sees its own requests\' suggestions and partnerships, a donor those holding its provider\'s offers, ' +
      'coordinators and admins all. Honours `Idempotency-Key` (a replay within 24 hours answers the same secret).',
  })
  @ApiResponse({ status: 201, type: WebhookCreatedDto })
  @ApiProblemResponses(400, 401, 409, 413, 429)
  create(@CurrentUser() user: AuthUser, @Body() body: CreateWebhookDto): Promise<WebhookCreatedDto> {
    return this.webhooks.create(user, body);
  }

  @Get()
  @ApiOperation({ summary: 'List webhooks, newest first', description: OWNERSHIP })
  @ApiResponse({ status: 200, type: WebhookPageDto })
  @ApiProblemResponses(400, 401, 429)
  list(@CurrentUser() user: AuthUser, @Query() q: PageQuery): Promise<Page<WebhookDto>> {
    return this.webhooks.list(user, q);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One webhook', description: OWNERSHIP })
  @ApiResponse({ status: 200, type: WebhookDto })
  @ApiProblemResponses(400, 401, 404, 429)
  get(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<WebhookDto> {
    return this.webhooks.get(user, id);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change a webhook, or re-enable it',
    description: `${OWNERSHIP} \`enabled: true\` re-enables a webhook disabled after failing (its failure streak starts again); deliveries dropped while it was disabled are not sent again. Honours \`If-Match\`.`,
  })
  @ApiResponse({ status: 200, type: WebhookDto })
  @ApiProblemResponses(400, 401, 404, 409, 429)
  update(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Body() body: UpdateWebhookDto,
    @IfMatch() ifMatch: number | undefined,
  ): Promise<WebhookDto> {
    return this.webhooks.update(user, id, body, ifMatch);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a webhook and its pending deliveries', description: OWNERSHIP })
  @ApiResponse({ status: 204 })
  @ApiProblemResponses(400, 401, 404, 429)
  remove(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<void> {
    return this.webhooks.remove(user, id);
  }

  @Get(':id/deliveries')
  @ApiOperation({
    summary: "A webhook's delivery attempts, newest first",
    description: `${OWNERSHIP} Each attempt: its number, status (delivered, retrying, failed), the receiver's status code, duration, error and the next attempt's time.`,
  })
  @ApiResponse({ status: 200, type: DeliveryAttemptPageDto })
  @ApiProblemResponses(400, 401, 404, 429)
  deliveries(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Query() q: ListDeliveriesQuery,
  ): Promise<Page<DeliveryAttemptDto>> {
    return this.webhooks.attempts(user, id, q);
  }
}
