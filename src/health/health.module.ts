import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { HealthService } from './health.service';

/** The `/health` endpoint. */
@Module({ controllers: [HealthController], providers: [HealthService] })
export class HealthModule {}
