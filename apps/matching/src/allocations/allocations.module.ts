import { Module } from '@nestjs/common';
import { PartnershipsModule } from '../partnerships/partnerships.module';
import { AllocationsController } from './allocations.controller';
import { AllocationsService } from './allocations.service';

/** Allocation plans: computed over the matching service's suggestions, applied through its accept. */
@Module({
  imports: [PartnershipsModule],
  controllers: [AllocationsController],
  providers: [AllocationsService],
})
export class AllocationsModule {}
