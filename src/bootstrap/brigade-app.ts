import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { allowCodecCors } from '../codec-server/codec-cors';
import type { BrigadeConfig } from '../config/brigade-config';
import { useBrigadeLogger } from '../logging/process-logger';
import { RequestLoggingModule } from '../logging/request-logging.module';
import { installTemporalRuntimeLogging } from '../temporal/temporal-runtime-logging';
import { BrigadeExpressAdapter } from './brigade-http-server';
import { freeLoopbackPort } from './free-port';
import { refuseUnknownHosts } from '../http/host-allow-list';
import { startInfrastructure, type Infrastructure } from './infrastructure';
import { serveOpenApi } from '../http/open-api';
import { mountIdentityProvider } from '../identity-provider/mount-identity-provider';

/** A running Brigade process: its Nest application, and what it started around it. */
export interface RunningBrigade {
  readonly app: INestApplicationContext;
  readonly infrastructure: Infrastructure;
  /** The HTTP base URL, when this role serves the API. */
  readonly url: string | undefined;
  /** Stops the worker and API first, then the services this process started. */
  stop(): Promise<void>;
}

/** Starts Brigade in its configured role: infrastructure first, then Nest, then HTTP when the role serves it. */
export async function startBrigade(config: BrigadeConfig): Promise<RunningBrigade> {
  // Before anything logs: every line of the process, Temporal's included, is then a redacted JSON line.
  const logger = useBrigadeLogger(config.logLevel);
  // A worker's Temporal core serves its own metrics on a loopback port that `/metrics` reads and merges.
  installTemporalRuntimeLogging(logger.pino, config.logLevel, config.runsWorker ? await freeLoopbackPort() : undefined);
  const infrastructure = await startInfrastructure(config);
  let app: INestApplicationContext | undefined;
  try {
    const appModule = AppModule.forRoot(config, infrastructure.connections);
    // Request logs belong to the process, not to AppModule, so tests that build AppModule do not print them.
    const module = { ...appModule, imports: [...(appModule.imports ?? []), RequestLoggingModule.forRoot(config.logLevel)] };
    let url: string | undefined;
    if (config.runsApi) {
      const httpApp: INestApplication = await NestFactory.create(module, new BrigadeExpressAdapter(config.http), { logger: logger.nest });
      // First of all middleware, so that no route, page, document or CORS preflight answers a foreign Host.
      refuseUnknownHosts(httpApp, config.http.allowedHosts);
      // Before Nest's body parsers, which init() adds: oidc-provider reads its own request bodies.
      mountIdentityProvider(httpApp);
      serveOpenApi(httpApp);
      allowCodecCors(httpApp, config.codecCorsOrigins);
      await httpApp.listen(config.httpPort, config.httpHost);
      url = (await httpApp.getUrl()).replace('[::1]', '127.0.0.1').replace('0.0.0.0', '127.0.0.1');
      app = httpApp;
    } else {
      app = await NestFactory.createApplicationContext(module, { logger: logger.nest });
      await app.init();
    }
    const started = app;
    return {
      app: started,
      infrastructure,
      url,
      stop: async () => {
        await started.close();
        await infrastructure.stop();
      },
    };
  } catch (error) {
    await app?.close().catch(() => undefined);
    await infrastructure.stop();
    throw error;
  }
}
