import { Controller, Get, Headers, NotAcceptableException, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiProblemResponses, Roles } from '@capmatch/platform';
import { CoverageReportDto } from './coverage.dto';
import { coverageCsv } from './coverage-csv';
import { CoverageService } from './coverage.service';
import { reportFormat } from './report-format';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('v1/reports')
export class ReportsController {
  constructor(private readonly coverage: CoverageService) {}

  @Get('coverage')
  @Roles('coordinator', 'admin')
  @ApiOperation({
    summary: 'Coverage and gaps (coordinators and admins)',
    description:
      'Open and matched requests by capacity area, M49 region and sub-region, LDC / LLDC / SIDS group and target ' +
      'group; partnerships by cooperation type; and the gaps: open requests with no proposed suggestion. ' +
      'With `Accept: text/csv`, the same figures as RFC 4180 CSV, one row per breakdown and value (columns ' +
      '`breakdown,value,open,matched,partnerships`); an `Accept` that allows neither JSON nor CSV answers 406.',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiResponse({ status: 200, type: CoverageReportDto })
  @ApiProblemResponses(401, 403, 406, 429)
  async report(
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CoverageReportDto | string> {
    const format = reportFormat(accept);
    if (format === null) throw new NotAcceptableException('This report is served as application/json or text/csv');
    res.vary('Accept');
    const report = await this.coverage.report();
    if (format === 'json') return report;
    res.type('text/csv; charset=utf-8; header=present');
    res.setHeader('Content-Disposition', 'attachment; filename="capmatch-coverage.csv"');
    return coverageCsv(report);
  }
}
