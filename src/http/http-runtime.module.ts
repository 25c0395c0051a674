import { Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { BrigadeI18nModule } from '../i18n/brigade-i18n.module';
import { ErrorBodyFilter } from './error-body.filter';
import { JsonBodyOnlyMiddleware } from './json-body-only.middleware';
import { SafeJsonInputPipe } from './safe-json-input.pipe';
import { brigadeValidationPipe } from './validation';

/**
 * What every HTTP route shares, registered through DI: the request's language, JSON bodies only, input validation and
 * the one error body.
 */
@Module({
  imports: [BrigadeI18nModule],
  providers: [
    // Global pipes run in the order they are provided: the raw input is made safe before it is transformed and validated.
    { provide: APP_PIPE, useClass: SafeJsonInputPipe },
    { provide: APP_PIPE, useFactory: brigadeValidationPipe },
    { provide: APP_FILTER, useClass: ErrorBodyFilter },
  ],
})
export class HttpRuntimeModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(JsonBodyOnlyMiddleware).forRoutes('*');
  }
}
