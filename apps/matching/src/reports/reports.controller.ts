import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses, Roles } from '@capmatch/platform';
import { CoverageReportDto } from './coverage.dto';
import { CoverageService } from './coverage.service';

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
      'group; partnerships by cooperation type; and the gaps: open requests with no proposed suggestion.',
  })
  @ApiResponse({ status: 200, type: CoverageReportDto })
  @ApiProblemResponses(401, 403, 429)
  report(): Promise<CoverageReportDto> {
    return this.coverage.report();
  }
}
