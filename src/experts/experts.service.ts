import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, QueryFailedError, type Repository } from 'typeorm';
import type { CreateExpertDto } from './dto/create-expert.dto';
import type { ListExpertsQueryDto } from './dto/list-experts-query.dto';
import type { UpdateExpertDto } from './dto/update-expert.dto';
import { changedExpertFields, newExpertFields, toExpertView, type ExpertView } from './expert.mapper';
import { ExpertRow } from '../database/expert.row';
import { refusal } from '../http/refusal';

const UNIQUE_VIOLATION = '23505';

/** One page of experts in name order, with the number of experts that match the filters. */
export interface ExpertPage {
  readonly items: readonly ExpertView[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

/** Keeps the expert pool: registers, edits, deactivates and lists experts. */
@Injectable()
export class ExpertsService {
  private readonly experts: Repository<ExpertRow>;

  constructor(dataSource: DataSource) {
    this.experts = dataSource.getRepository(ExpertRow);
  }

  async create(dto: CreateExpertDto): Promise<ExpertView> {
    const expertId = randomUUID();
    await this.write(dto.email, () => this.experts.insert({ expertId, ...newExpertFields(dto), active: true }));
    return this.get(expertId);
  }

  async update(expertId: string, dto: UpdateExpertDto): Promise<ExpertView> {
    const changes = changedExpertFields(dto);
    if (Object.keys(changes).length > 0) {
      const result = await this.write(dto.email, () =>
        this.experts.update({ expertId }, { ...changes, updatedAt: () => 'now()' }));
      if (result.affected === 0) throw notFound(expertId);
    }
    return this.get(expertId);
  }

  async deactivate(expertId: string): Promise<ExpertView> {
    // Only an active expert is touched, so repeating the call changes nothing, not even updated_at.
    await this.experts.update({ expertId, active: true }, { active: false, updatedAt: () => 'now()' });
    return this.get(expertId);
  }

  async get(expertId: string): Promise<ExpertView> {
    const row = await this.experts.findOneBy({ expertId });
    if (!row) throw notFound(expertId);
    return toExpertView(row);
  }

  async list(query: ListExpertsQueryDto): Promise<ExpertPage> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const builder = this.experts.createQueryBuilder('e')
      .orderBy('e.name', 'ASC')
      .addOrderBy('e.expertId', 'ASC')
      .skip((page - 1) * pageSize)
      .take(pageSize);
    if (query.active !== undefined) builder.andWhere('e.active = :active', { active: query.active === 'true' });
    if (query.category !== undefined) builder.andWhere(':category = ANY(e.categories)', { category: query.category });
    if (query.region !== undefined) builder.andWhere('e.safetyRegion = :region', { region: query.region });
    const [rows, total] = await builder.getManyAndCount();
    return { items: rows.map(toExpertView), total, page, pageSize };
  }

  private async write<T>(email: string | undefined, statement: () => Promise<T>): Promise<T> {
    try {
      return await statement();
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === UNIQUE_VIOLATION) {
        throw new ConflictException(refusal('expert_email_taken', { email: email?.trim() ?? '' }));
      }
      throw error;
    }
  }
}

function notFound(expertId: string): NotFoundException {
  return new NotFoundException(refusal('expert_not_found', { expertId }));
}
