import { Module } from '@nestjs/common';
import { PartnershipCreatedHandler } from './partnership-created.handler';
import { RequestQueries } from './request-queries.service';
import { RequestRecorder } from './request-recorder.service';
import { RequestsController } from './requests.controller';
import { RequestsService } from './requests.service';

@Module({
  controllers: [RequestsController],
  providers: [RequestsService, RequestQueries, RequestRecorder, PartnershipCreatedHandler],
  exports: [RequestRecorder],
})
export class RequestsModule {}
