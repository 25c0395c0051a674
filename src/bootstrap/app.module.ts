import { DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { SessionModule } from '../auth/session.module';
import { CasesModule } from '../cases/cases.module';
import { CodecServerModule } from '../codec-server/codec-server.module';
import { BrigadeConfig } from '../config/brigade-config';
import { ConfigModule } from '../config/config.module';
import { RuntimeConnections } from '../config/runtime-connections';
import { DatabaseModule } from '../database/database.module';
import { ExpertDeactivationModule } from '../expert-deactivation/expert-deactivation.module';
import { ExpertsModule } from '../experts/experts.module';
import { HealthModule } from '../health/health.module';
import { IdentityProviderModule } from '../identity-provider/identity-provider.module';
import { ExpertInboxModule } from '../expert-inbox/expert-inbox.module';
import { MetricsHttpModule } from '../metrics/metrics-http.module';
import { MetricsModule } from '../metrics/metrics.module';
import { EmbeddedMailServerModule } from '../notifications/embedded-mail-server.module';
import { OutboxModule } from '../outbox/outbox.module';
import { NotificationSettingsModule } from '../notification-settings/notification-settings.module';
import { PartnerDirectoryModule } from '../partner-directory/partner-directory.module';
import { ErasureRequestsModule } from '../retention/erasure-requests.module';
import { RetentionListsModule } from '../retention/retention-lists.module';
import { HttpRuntimeModule } from '../http/http-runtime.module';
import { TemporalModule } from '../temporal/temporal.module';
import { UiModule } from '../ui/ui.module';

/** The root module; which parts it includes depends on the runtime role. */
@Module({})
export class AppModule {
  static forRoot(config: BrigadeConfig, connections: RuntimeConnections): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config, connections),
        DatabaseModule,
        MetricsModule.forRoot(config),
        TemporalModule.forRoot({ runWorker: config.runsWorker }),
        // Mail is sent by the worker's activities, so the SMTP server that receives it runs beside the worker.
        ...(config.runsWorker && config.notifications.mailTransport === 'embedded' ? [EmbeddedMailServerModule] : []),
        ExpertsModule,
        ...(config.runsApi ? [AuthModule, HttpRuntimeModule, CasesModule, ExpertInboxModule, AuditModule, HealthModule, CodecServerModule, SessionModule, ExpertDeactivationModule, OutboxModule, PartnerDirectoryModule, ErasureRequestsModule, RetentionListsModule, NotificationSettingsModule, UiModule, MetricsHttpModule] : []),
        ...(config.runsApi && config.oidc.embedded ? [IdentityProviderModule] : []),
      ],
    };
  }
}
