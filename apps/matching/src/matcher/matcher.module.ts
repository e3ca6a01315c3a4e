import { Module } from '@nestjs/common';
import { StoreModule } from '../store/store.module';
import { ProjectionIndex } from './projection-index.service';
import { Reconciler } from './reconciler.service';
import { RematchService } from './rematch.service';

/** The engine's surroundings: the in-memory index of the projections, the reconciler and re-matching. */
@Module({
  imports: [StoreModule],
  providers: [ProjectionIndex, Reconciler, RematchService],
  exports: [ProjectionIndex, Reconciler, RematchService],
})
export class MatcherModule {}
