import { Injectable } from '@nestjs/common';
import { DataSource, QueryFailedError, type Repository } from 'typeorm';
import type { CaseCategory, SafetyRegion } from '../domain/case.vocabulary';
import { ExpertRow } from '../database/expert.row';
import type { ExpertFields } from './expert.mapper';

const UNIQUE_VIOLATION = '23505';

/** Thrown when a write would give a second expert an e-mail address already in the pool (the unique index on lower(email)). */
export class ExpertEmailTakenError extends Error {
  constructor() {
    super('an expert with this e-mail address is already in the pool');
    this.name = 'ExpertEmailTakenError';
  }
}

/** Thrown when a write would link a second expert to an identity provider subject already linked (its unique index). */
export class ExpertIdentitySubjectTakenError extends Error {
  constructor() {
    super('another expert is already linked to this identity provider subject');
    this.name = 'ExpertIdentitySubjectTakenError';
  }
}

/** Which page of the pool to read, and the filters an expert must match to be on it. */
export interface ExpertListQuery {
  readonly page: number;
  readonly pageSize: number;
  readonly active?: boolean;
  readonly category?: CaseCategory;
  readonly region?: SafetyRegion;
}

/** The `experts` table: the pool's rows as the expert routes and the seed command write and read them. */
@Injectable()
export class ExpertRepository {
  private readonly experts: Repository<ExpertRow>;

  constructor(private readonly dataSource: DataSource) {
    this.experts = dataSource.getRepository(ExpertRow);
  }

  /** Adds an active expert under the given id. */
  async insert(expertId: string, fields: ExpertFields): Promise<void> {
    await this.write(() => this.experts.insert({ expertId, ...fields, active: true }));
  }

  /** Changes the given fields and `updated_at`; false when there is no such expert. */
  async update(expertId: string, changes: Partial<ExpertFields>): Promise<boolean> {
    const result = await this.write(() => this.experts.update({ expertId }, { ...changes, updatedAt: () => 'now()' }));
    return result.affected !== 0;
  }

  /** Marks the expert inactive; only an active expert is touched, so repeating the call changes nothing, not even updated_at. */
  async deactivate(expertId: string): Promise<void> {
    await this.experts.update({ expertId, active: true }, { active: false, updatedAt: () => 'now()' });
  }

  /** The expert's row, or null when there is none. */
  find(expertId: string): Promise<ExpertRow | null> {
    return this.experts.findOneBy({ expertId });
  }

  /** One page of experts in name order, with the number of experts that match the filters. */
  async page(query: ExpertListQuery): Promise<{ rows: ExpertRow[]; total: number }> {
    const { page, pageSize } = query;
    const builder = this.experts.createQueryBuilder('e')
      .orderBy('e.name', 'ASC')
      .addOrderBy('e.expertId', 'ASC')
      .skip((page - 1) * pageSize)
      .take(pageSize);
    if (query.active !== undefined) builder.andWhere('e.active = :active', { active: query.active });
    if (query.category !== undefined) builder.andWhere(':category = ANY(e.categories)', { category: query.category });
    if (query.region !== undefined) builder.andWhere('e.safetyRegion = :region', { region: query.region });
    const [rows, total] = await builder.getManyAndCount();
    return { rows, total };
  }

  /**
   * Inserts active experts, skipping every one whose e-mail address is already present, and answers how many went in.
   * The unique index on lower(email) decides what is skipped, so two seeds at once cannot insert anyone twice.
   */
  async insertSkippingTaken(experts: ReadonlyArray<{ expertId: string } & ExpertFields>): Promise<number> {
    if (experts.length === 0) return 0;
    const result = await this.dataSource.createQueryBuilder()
      .insert().into(ExpertRow).values(experts.map((expert) => ({ ...expert, active: true })))
      .orIgnore()
      .returning('expert_id')
      .updateEntity(false)
      .execute();
    return (result.raw as unknown[]).length;
  }

  private async write<T>(statement: () => Promise<T>): Promise<T> {
    try {
      return await statement();
    } catch (error) {
      const driverError = error instanceof QueryFailedError ? error.driverError as { code?: string; constraint?: string } : undefined;
      if (driverError?.code === UNIQUE_VIOLATION) {
        throw driverError.constraint === 'experts_identity_subject_key' ? new ExpertIdentitySubjectTakenError() : new ExpertEmailTakenError();
      }
      throw error;
    }
  }
}
