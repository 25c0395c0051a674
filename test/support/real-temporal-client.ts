import { Module, type DynamicModule } from '@nestjs/common';
import { Client } from '@temporalio/client';

/** Provides a real Temporal client (the test server's) to an app under test, where FakeTemporal would not do. */
export function realTemporalClient(client: Client): DynamicModule {
  @Module({})
  class RealTemporalClientModule {}
  return { module: RealTemporalClientModule, global: true, providers: [{ provide: Client, useValue: client }], exports: [Client] };
}
