import { Controller, Get, Header, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Public } from '../auth/allow.decorator';
import { ErrorBody } from '../http/error-body';
import { MetricsAccessGuard } from './metrics-access.guard';
import { METRICS_CONTENT_TYPE, MetricsExposition } from './metrics-exposition';

/** `GET /metrics`: Prometheus metrics of this process and of the cases, for a scraper rather than a person. */
@ApiTags('operations')
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly exposition: MetricsExposition) {}

  @Get()
  @UseGuards(MetricsAccessGuard)
  @Header('Content-Type', METRICS_CONTENT_TYPE)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Prometheus metrics: cases by stage, deadlines passed, open escalations, event append latency, HTTP, Node process and Temporal worker',
    description: 'Public: no user token; only aggregates, never a case id or a name. When BRIGADE_METRICS_TOKEN is set, the scraper must send it as a bearer token.',
  })
  @ApiProduces(METRICS_CONTENT_TYPE)
  @ApiOkResponse({ description: 'The metrics in the Prometheus text exposition format.', schema: { type: 'string' } })
  @ApiUnauthorizedResponse({ type: ErrorBody, description: 'BRIGADE_METRICS_TOKEN is set and the request does not carry it.' })
  metrics(): Promise<string> {
    return this.exposition.text();
  }
}
