import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/allow.decorator';
import { ErrorBody } from '../http/error-body';
import { HealthReportModel } from './health-report.model';
import { HealthService, type HealthReport } from './health.service';
import { refusal } from '../http/refusal';

/** `GET /health`: whether the database and Temporal answer. */
@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @ApiOperation({ summary: 'Check that the database and Temporal answer', description: 'Public: no token needed.' })
  @ApiOkResponse({ type: HealthReportModel, description: 'Both dependencies answer.' })
  @ApiServiceUnavailableResponse({ type: ErrorBody, description: 'The database or Temporal does not answer within two seconds.' })
  async check(): Promise<HealthReport> {
    const report = await this.health.check();
    if (report.status !== 'ok') {
      const down = (['database', 'temporal'] as const).filter((part) => report[part] === 'down');
      throw new ServiceUnavailableException(refusal('dependencies_down', { down: down.join(', '), detail: `${down.join(' and ')} ${down.length > 1 ? 'do' : 'does'} not answer; database is ${report.database}, temporal is ${report.temporal}` }));
    }
    return report;
  }
}
