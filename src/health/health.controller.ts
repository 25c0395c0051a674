import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/allow.decorator';
import { ErrorBody } from '../http/error-body';
import { HealthReportModel } from './health-report.model';
import { HEALTH_DEPENDENCIES, HealthService, type HealthReport } from './health.service';
import { refusal } from '../http/refusal';

/** `GET /health`: whether the database, Temporal and the key store answer. */
@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @ApiOperation({ summary: 'Check that the database, Temporal and the key store answer', description: 'Public: no token needed.' })
  @ApiOkResponse({ type: HealthReportModel, description: 'Every dependency answers.' })
  @ApiServiceUnavailableResponse({ type: ErrorBody, description: 'The database, Temporal or the key store does not answer within two seconds.' })
  async check(): Promise<HealthReport> {
    const report = await this.health.check();
    if (report.status !== 'ok') {
      const down = HEALTH_DEPENDENCIES.filter((part) => report[part] === 'down');
      const states = HEALTH_DEPENDENCIES.map((part) => `${part} is ${report[part]}`).join(', ');
      throw new ServiceUnavailableException(refusal('dependencies_down', { down: down.join(', '), detail: `${down.join(' and ')} ${down.length > 1 ? 'do' : 'does'} not answer; ${states}` }));
    }
    return report;
  }
}
