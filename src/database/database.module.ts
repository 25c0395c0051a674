import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RuntimeConnections } from '../config/runtime-connections';
import { brigadeDataSourceOptions } from './data-source-options';

/** Connects TypeORM to Brigade's PostgreSQL and runs pending migrations on start. */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [RuntimeConnections],
      useFactory: (connections: RuntimeConnections) => brigadeDataSourceOptions(connections.databaseUrl),
    }),
  ],
})
export class DatabaseModule {}
