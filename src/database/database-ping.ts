import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Asks PostgreSQL the cheapest question there is, so a health check learns whether the pool can reach it. */
@Injectable()
export class DatabasePing {
  constructor(private readonly dataSource: DataSource) {}

  /** Resolves when the database answered, rejects when it did not. */
  async ping(): Promise<void> {
    await this.dataSource.query('SELECT 1');
  }
}
