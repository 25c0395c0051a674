import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { OfficeHolderClaims } from './office-holder-claims.port';

// Every generation of a person's key (`person-<pseudonym>`, `…-g2`) shares one lock: a registration that moves on to
// the next generation and an erasure of an earlier one still meet.
const GENERATION = /-g\d+$/;

/** Claims in `office_holder_key_claims`, the locks as PostgreSQL advisory locks held for one transaction. */
@Injectable()
export class PostgresOfficeHolderClaims implements OfficeHolderClaims {
  constructor(private readonly dataSource: DataSource) {}

  whileRegistering<T>(caseId: string, keyId: string, register: () => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock_shared(hashtextextended($1, 0))', [personOf(keyId)]);
      await manager.query('INSERT INTO office_holder_key_claims (case_id, key_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [caseId, personOf(keyId)]);
      return register();
    });
  }

  whileErasing<T>(keyIds: readonly string[], erase: (claimedCaseIds: readonly string[]) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      // In one order everywhere, so two erasures of overlapping people cannot wait on each other.
      for (const person of [...new Set(keyIds.map(personOf))].sort()) {
        await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [person]);
      }
      const claims = await manager.query<Array<{ case_id: string }>>(
        'SELECT DISTINCT case_id FROM office_holder_key_claims WHERE key_id = ANY($1::text[])', [[...new Set(keyIds.map(personOf))]]);
      return erase(claims.map((claim) => claim.case_id));
    });
  }
}

function personOf(keyId: string): string {
  return keyId.replace(GENERATION, '');
}
