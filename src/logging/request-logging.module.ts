import { Module, type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { brigadeLogParams, type BrigadeLogLevel } from './brigade-log-options';

/** One structured log line per HTTP request, and the request's id on every line logged while serving it. */
@Module({})
export class RequestLoggingModule {
  static forRoot(level: BrigadeLogLevel): DynamicModule {
    return { module: RequestLoggingModule, imports: [LoggerModule.forRoot(brigadeLogParams(level))] };
  }
}
