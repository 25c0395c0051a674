import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { DatabasePing } from '../database/database-ping';
import { HealthService } from './health.service';

/** The `/health` endpoint. */
@Module({ controllers: [HealthController], providers: [HealthService, DatabasePing] })
export class HealthModule {}
