import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { ExportsController } from './exports.controller';
import { IatiExportService } from './iati-export.service';
import { iatiConfig } from './iati.config';

/** Open data out of capmatch: the IATI activity export (the coverage CSV lives beside the report). */
@Module({
  imports: [ConfigModule.forFeature(iatiConfig)],
  controllers: [ExportsController],
  providers: [IatiExportService],
})
export class ExportsModule {}
