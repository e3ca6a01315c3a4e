import { Controller, Get, Inject } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { consoleConfig } from './console.config';
import { UPSTREAM_PATHS, type UpstreamVariable } from './upstreams';

type UpstreamState = 'up' | 'down';

/**
 * The console has no database or queue: it is live when it answers, and ready as soon as it
 * serves its pages. Readiness lists which services answer, for operators; a service being down
 * shows in the page that needs it, not as the console being unready.
 */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@Inject(consoleConfig.KEY) private readonly cfg: ConfigType<typeof consoleConfig>) {}

  @Get('live')
  @ApiOperation({ summary: 'Liveness' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({ summary: 'Readiness, with the state of each service the console proxies to' })
  async ready(): Promise<{ status: 'ok'; upstreams: Record<string, UpstreamState> }> {
    const variables = Object.keys(UPSTREAM_PATHS) as UpstreamVariable[];
    const states = await Promise.all(variables.map(async (v): Promise<UpstreamState> => {
      try {
        const res = await fetch(new URL('/health/live', this.cfg[v]), { signal: AbortSignal.timeout(2000) });
        return res.ok ? 'up' : 'down';
      } catch {
        return 'down';
      }
    }));
    return { status: 'ok', upstreams: Object.fromEntries(variables.map((v, i) => [v.replace(/_URL$/, '').toLowerCase(), states[i]])) };
  }
}
