import { DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CasesModule } from './cases/cases.module';
import { CodecServerModule } from './codec-server/codec-server.module';
import { BrigadeConfig } from './config/brigade-config';
import { ConfigModule } from './config/config.module';
import { RuntimeConnections } from './config/runtime-connections';
import { DatabaseModule } from './database/database.module';
import { ExpertsModule } from './experts/experts.module';
import { HealthModule } from './health/health.module';
import { MeModule } from './me/me.module';
import { HttpRuntimeModule } from './runtime/http-runtime.module';
import { TemporalModule } from './temporal/temporal.module';

/** The root module; which parts it includes depends on the runtime role. */
@Module({})
export class AppModule {
  static forRoot(config: BrigadeConfig, connections: RuntimeConnections): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config, connections),
        DatabaseModule,
        TemporalModule.forRoot({ runWorker: config.runsWorker }),
        ExpertsModule,
        ...(config.runsApi ? [AuthModule, HttpRuntimeModule, CasesModule, MeModule, AuditModule, HealthModule, CodecServerModule] : []),
      ],
    };
  }
}
