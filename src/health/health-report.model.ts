import { ApiProperty } from '@nestjs/swagger';
import type { HealthReport } from './health.service';

const STATES = ['up', 'down'];

/** What `GET /health` answers, for the OpenAPI document. */
export class HealthReportModel implements HealthReport {
  @ApiProperty({ enum: ['ok', 'degraded'] }) readonly status!: HealthReport['status'];
  @ApiProperty({ enum: STATES }) readonly database!: HealthReport['database'];
  @ApiProperty({ enum: STATES }) readonly temporal!: HealthReport['temporal'];
  @ApiProperty({ enum: STATES }) readonly keyStore!: HealthReport['keyStore'];
}
