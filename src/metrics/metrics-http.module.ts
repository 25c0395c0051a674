import { Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { CaseGauges } from './case-gauges';
import { HttpRequestMetrics } from './http-request.metrics';
import { MetricsAccessGuard } from './metrics-access.guard';
import { MetricsController } from './metrics.controller';
import { ReadModelModule } from '../read-model/read-model.module';

/** `GET /metrics` on the API port, the case gauges it reports, and the timing of every HTTP request. */
@Module({
  controllers: [MetricsController],
  // HttpRequestMetrics is middleware only: Nest builds it itself, and a second instance would register its histogram twice.
  imports: [ReadModelModule],
  providers: [CaseGauges, MetricsAccessGuard],
})
export class MetricsHttpModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpRequestMetrics).forRoutes('*');
  }
}
