import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { PageQuery } from '@capmatch/platform';
import { MAX_URL_LENGTH } from './receiver-policy';
import { WEBHOOK_EVENTS, type WebhookEventType } from './webhook-events';

/** Body of POST /v1/webhooks. */
export class CreateWebhookDto {
  @ApiProperty({
    maxLength: MAX_URL_LENGTH,
    example: 'https://hooks.example.org/capmatch',
    description: 'HTTPS only, and never a private, loopback, link-local or metadata address (both unless WEBHOOK_ALLOW_PRIVATE=true)',
  })
  @IsString()
  @MaxLength(MAX_URL_LENGTH)
  url: string;

  @ApiProperty({ enum: WEBHOOK_EVENTS, isArray: true, minItems: 1, uniqueItems: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENTS.length)
  @ArrayUnique()
  @IsIn(WEBHOOK_EVENTS, { each: true, message: `each value in events must be one of ${WEBHOOK_EVENTS.join(', ')}` })
  events: WebhookEventType[];

  @ApiPropertyOptional({ maxLength: 500, nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  description?: string | null;
}

/** Body of PATCH /v1/webhooks/{id}: any subset; `enabled: true` re-enables a disabled webhook. */
export class UpdateWebhookDto extends PartialType(CreateWebhookDto) {
  @ApiPropertyOptional({ description: 'true re-enables a webhook that was disabled after failing; false pauses it' })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

export class ListDeliveriesQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only the attempts of this event (the webhook-id header)' })
  @IsOptional()
  @IsUUID()
  eventId?: string;
}

export class WebhookOwnerDto {
  @ApiProperty() sub: string;
  @ApiProperty({ enum: ['country', 'donor', 'coordinator', 'admin'] }) role: string;
}

/** A webhook as answered; the secret only in the answer of POST (WebhookCreatedDto). */
export class WebhookDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() url: string;
  @ApiProperty({ enum: WEBHOOK_EVENTS, isArray: true }) events: string[];
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ description: 'false once disabled after failing for WEBHOOK_DISABLE_AFTER_HOURS, or paused by PATCH' })
  enabled: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'Start of the current run of failed attempts' })
  failingSince: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) disabledAt: string | null;
  @ApiProperty({ nullable: true, type: String }) disabledReason: string | null;
  @ApiProperty({ type: WebhookOwnerDto }) owner: WebhookOwnerDto;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty() version: number;
}

export class WebhookCreatedDto extends WebhookDto {
  @ApiProperty({
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    description: 'Standard Webhooks signing secret; shown in this answer only',
  })
  secret: string;
}

export class WebhookPageDto {
  @ApiProperty({ type: [WebhookDto] }) items: WebhookDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

/** One attempt of one delivery. */
export class DeliveryAttemptDto {
  @ApiProperty({ format: 'uuid', description: 'The delivery: one per event and webhook' }) deliveryId: string;
  @ApiProperty({ format: 'uuid', description: 'The event id, sent as the webhook-id header' }) eventId: string;
  @ApiProperty({ enum: WEBHOOK_EVENTS }) eventType: string;
  @ApiProperty({ description: '1 for the first attempt' }) attempt: number;
  @ApiProperty({ enum: ['delivered', 'retrying', 'failed'], description: 'retrying: failed, another attempt is scheduled' })
  status: string;
  @ApiProperty({ nullable: true, type: Number, description: "The receiver's HTTP status; null without an answer" })
  statusCode: number | null;
  @ApiProperty({ nullable: true, type: String, description: 'Timeout, connection error, refused address, non-2xx' })
  error: string | null;
  @ApiProperty() durationMs: number;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) nextAttemptAt: string | null;
}

export class DeliveryAttemptPageDto {
  @ApiProperty({ type: [DeliveryAttemptDto] }) items: DeliveryAttemptDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
