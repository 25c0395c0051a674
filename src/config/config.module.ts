import { DynamicModule, Global, Module } from '@nestjs/common';
import { BrigadeConfig } from './brigade-config';
import { RuntimeConnections } from './runtime-connections';

/** Makes the loaded configuration and the resolved connections injectable everywhere. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: BrigadeConfig, connections: RuntimeConnections): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: BrigadeConfig, useValue: config },
        { provide: RuntimeConnections, useValue: connections },
      ],
      exports: [BrigadeConfig, RuntimeConnections],
    };
  }
}
