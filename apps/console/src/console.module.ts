import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { coreConfig } from '@capmatch/platform';
import { consoleConfig } from './console.config';
import { DevTokenController } from './dev-token.controller';
import { HealthController } from './health.controller';
import { MetricsController } from './metrics.controller';

/** The console server: its own few routes; the pages and the proxy are mounted in console-app.ts. */
@Module({
  imports: [ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [coreConfig, consoleConfig] })],
  controllers: [DevTokenController, HealthController, MetricsController],
})
export class ConsoleModule {}
