import { Module } from '@nestjs/common';
import { CoverageService } from './coverage.service';
import { ReportsController } from './reports.controller';

/** Coverage and gaps for coordinators, read from the projections and partnerships. */
@Module({
  controllers: [ReportsController],
  providers: [CoverageService],
})
export class ReportsModule {}
