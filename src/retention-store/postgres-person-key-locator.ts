import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isPersonKeyId, sealedValuesIn } from '../domain/retention/sealed-values';
import type { KeyUsage, PersonKeyLocator } from './person-key-locator.port';

/**
 * Reads the sealed values' key ids straight from `case_events.data`. Finding the cases of a key scans the events' text
 * for `"<keyId>:`; erasures are rare, so a scan is cheaper to keep right than an index table written at every append.
 */
@Injectable()
export class PostgresPersonKeyLocator implements PersonKeyLocator {
  constructor(private readonly dataSource: DataSource) {}

  async personKeyIdsOfCase(caseId: string): Promise<string[]> {
    const rows: Array<{ data: unknown }> = await this.dataSource.query(
      "SELECT data FROM case_events WHERE case_id = $1 AND type = 'RequestReceived'", [caseId]);
    return [...new Set(rows.flatMap((row) => sealedValuesIn(row.data)).map((value) => value.keyId).filter(isPersonKeyId))];
  }

  async casesUsingKey(keyId: string): Promise<KeyUsage[]> {
    const rows: Array<{ case_id: string; data: unknown }> = await this.dataSource.query(
      'SELECT case_id, data FROM case_events WHERE strpos(data::text, $1) > 0 ORDER BY case_id, version', [`"${keyId}:`]);
    const fields = new Map<string, Set<string>>();
    for (const row of rows) {
      for (const value of sealedValuesIn(row.data).filter((sealed) => sealed.keyId === keyId)) {
        fields.set(row.case_id, (fields.get(row.case_id) ?? new Set()).add(value.path));
      }
    }
    return [...fields].map(([caseId, paths]) => ({ caseId, fields: [...paths].sort() }));
  }
}
