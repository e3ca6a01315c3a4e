import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath, ApiExtraModels } from '@nestjs/swagger';
import { ApiProblemResponses, type AuthUser, CurrentUser, Idempotent, Roles, UuidParam } from '@capmatch/platform';
import { CreateProviderDto } from './create-provider.dto';
import { ListProvidersDto } from './list-providers.dto';
import { ProviderResponseDto, toProviderResponse } from './provider-response.dto';
import { ProvidersService } from './providers.service';

@ApiTags('providers')
@ApiBearerAuth()
@ApiExtraModels(ProviderResponseDto)
@Controller('v1/providers')
export class ProvidersController {
  constructor(private readonly providers: ProvidersService) {}

  @Post()
  @HttpCode(201)
  @Roles('coordinator', 'admin')
  @Idempotent()
  @ApiOperation({
    summary: 'Register a provider (coordinator, admin)',
    description:
      'Honours `Idempotency-Key`. `origin` is derived from the kind and the country classification. ' +
      'Providers cannot be edited afterwards: their offers carry the origin.',
  })
  @ApiCreatedResponse({ type: ProviderResponseDto })
  @ApiProblemResponses(400, 401, 403, 413, 422, 429)
  async create(@Body() dto: CreateProviderDto, @CurrentUser() user: AuthUser): Promise<ProviderResponseDto> {
    return this.providers.create(dto, user);
  }

  @Get()
  @ApiOperation({ summary: 'List providers, newest first (any authenticated role)' })
  @ApiOkResponse({
    schema: {
      type: 'object',
      required: ['items', 'nextCursor'],
      properties: {
        items: { type: 'array', items: { $ref: getSchemaPath(ProviderResponseDto) } },
        nextCursor: { type: 'string', nullable: true },
      },
    },
  })
  @ApiProblemResponses(400, 401, 429)
  async list(@Query() query: ListProvidersDto): Promise<{ items: ProviderResponseDto[]; nextCursor: string | null }> {
    const page = await this.providers.list(query);
    return { items: page.items.map(toProviderResponse), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One provider (any authenticated role)' })
  @ApiOkResponse({ type: ProviderResponseDto })
  @ApiProblemResponses(400, 401, 404, 429)
  async get(@UuidParam('id') id: string): Promise<ProviderResponseDto> {
    return toProviderResponse(await this.providers.get(id));
  }
}
