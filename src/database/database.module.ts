import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RuntimeConnections } from '../config/runtime-connections';
import { brigadeDataSourceOptions } from './data-source-options';
import { runBrigadeMigrations } from './run-migrations';

/** Runs pending migrations as the owner, then connects TypeORM's pool as the application's least-privileged login. */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [RuntimeConnections],
      useFactory: async (connections: RuntimeConnections) => {
        await runBrigadeMigrations(connections.databaseMigrationUrl);
        return brigadeDataSourceOptions(connections.databaseUrl);
      },
    }),
  ],
})
export class DatabaseModule {}
