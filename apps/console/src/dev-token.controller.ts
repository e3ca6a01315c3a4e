import { Body, Controller, Get, HttpCode, Inject, NotFoundException, Post } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses, coreConfig, resolveJwtKey, signToken } from '@capmatch/platform';
import { DevTokenDto, DevTokenRequestDto, SessionOptionsDto } from './dev-token.dto';

/**
 * The development token picker. Outside production, with an HS256 secret (the public
 * development one or JWT_SECRET), the console signs the same tokens `npm run token` prints;
 * in production, or with JWT_JWKS_URL, tokens come from the identity provider and are pasted.
 */
@ApiTags('console')
@Controller('console')
export class DevTokenController {
  private readonly secret: string | null;

  constructor(@Inject(coreConfig.KEY) private readonly core: ConfigType<typeof coreConfig>) {
    const key = resolveJwtKey(core);
    this.secret = core.NODE_ENV !== 'production' && key.kind === 'secret' ? key.secret : null;
  }

  @Get('session-options')
  @ApiOperation({ summary: 'What the sign-in page may offer' })
  @ApiResponse({ status: 200, type: SessionOptionsDto })
  options(): SessionOptionsDto {
    return { devTokens: this.secret !== null };
  }

  @Post('dev-token')
  @HttpCode(201)
  @ApiOperation({ summary: 'Sign a development token (not in production; 404 there)' })
  @ApiResponse({ status: 201, type: DevTokenDto })
  @ApiProblemResponses(400, 404)
  async devToken(@Body() body: DevTokenRequestDto): Promise<DevTokenDto> {
    if (this.secret === null) throw new NotFoundException('Development tokens are not offered here; paste a token');
    const token = await signToken({
      role: body.role,
      sub: body.sub,
      country: body.role === 'country' ? body.country : undefined,
      providerId: body.role === 'donor' ? body.providerId : undefined,
      expiresIn: '8h',
      issuer: this.core.JWT_ISSUER,
      audience: this.core.JWT_AUDIENCE,
    }, this.secret);
    return { token };
  }
}
