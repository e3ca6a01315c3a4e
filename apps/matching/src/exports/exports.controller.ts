import { Controller, Get, Header } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses, Roles } from '@capmatch/platform';
import { IatiExportService } from './iati-export.service';

@ApiTags('exports')
@ApiBearerAuth()
@Controller('v1/exports')
export class ExportsController {
  constructor(private readonly iati: IatiExportService) {}

  @Get('iati')
  @Roles('coordinator', 'admin')
  @Header('Content-Type', 'application/xml; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="capmatch-iati-activities.xml"')
  @ApiProduces('application/xml')
  @ApiOperation({
    summary: 'Agreed partnerships as IATI 2.03 activities (coordinators and admins)',
    description:
      'One `iati-activity` per agreed partnership, valid against the IATI 2.03 activity schema: `reporting-org` from ' +
      '`IATI_REPORTING_ORG_REF` / `IATI_REPORTING_ORG_NAME`, every provider as `participating-org` role 4 (implementing) ' +
      'and, for triangular, the facilitator as role 1 (funding); `collaboration-type` 1 for north-south and ' +
      'south-south, 2 for multilateral, 8 for triangular; `activity-status` 2; planned start and end from the ' +
      'request window; DAC 5-digit `sector`s mapped from the capacity areas; SDG goals as `tag` vocabulary 2; title ' +
      'and descriptions in the languages they were written in. With no agreed partnership the file holds no ' +
      'activity (the schema requires one, so such a file is not yet publishable).',
  })
  @ApiResponse({ status: 200, description: 'The IATI activity file', content: { 'application/xml': { schema: { type: 'string' } } } })
  @ApiProblemResponses(401, 403, 429)
  export(): Promise<string> {
    return this.iati.export();
  }
}
