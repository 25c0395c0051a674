import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { DatabasePing } from '../database/database-ping';
import { KeyStoreModule } from '../key-store/key-store.module';
import { HealthService } from './health.service';

/** The `/health` endpoint. */
@Module({ imports: [KeyStoreModule], controllers: [HealthController], providers: [HealthService, DatabasePing] })
export class HealthModule {}
