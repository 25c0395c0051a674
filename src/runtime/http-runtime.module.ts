import { Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { ErrorBodyFilter } from './error-body.filter';
import { brigadeValidationPipe } from './validation';

/** What every HTTP route shares, registered through DI: input validation and the one error body. */
@Module({
  providers: [
    { provide: APP_PIPE, useFactory: brigadeValidationPipe },
    { provide: APP_FILTER, useClass: ErrorBodyFilter },
  ],
})
export class HttpRuntimeModule {}
