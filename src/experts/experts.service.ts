import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { CreateExpertDto } from './dto/create-expert.dto';
import type { ListExpertsQueryDto } from './dto/list-experts-query.dto';
import type { UpdateExpertDto } from './dto/update-expert.dto';
import { changedExpertFields, newExpertFields, toExpertView, type ExpertView } from './expert.mapper';
import { ExpertEmailTakenError, ExpertIdentitySubjectTakenError, ExpertRepository } from './expert.repository';
import { refusal } from '../http/refusal';

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
  constructor(private readonly experts: ExpertRepository) {}

  async create(dto: CreateExpertDto): Promise<ExpertView> {
    const expertId = randomUUID();
    await this.write(dto.email, () => this.experts.insert(expertId, newExpertFields(dto)));
    return this.get(expertId);
  }

  async update(expertId: string, dto: UpdateExpertDto): Promise<ExpertView> {
    const changes = changedExpertFields(dto);
    if (Object.keys(changes).length > 0) {
      const found = await this.write(dto.email, () => this.experts.update(expertId, changes));
      if (!found) throw notFound(expertId);
    }
    return this.get(expertId);
  }

  async deactivate(expertId: string): Promise<ExpertView> {
    await this.experts.deactivate(expertId);
    return this.get(expertId);
  }

  async get(expertId: string): Promise<ExpertView> {
    const row = await this.experts.find(expertId);
    if (!row) throw notFound(expertId);
    return toExpertView(row);
  }

  async list(query: ListExpertsQueryDto): Promise<ExpertPage> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const { rows, total } = await this.experts.page({
      page, pageSize, active: query.active === undefined ? undefined : query.active === 'true', category: query.category, region: query.region,
    });
    return { items: rows.map(toExpertView), total, page, pageSize };
  }

  private async write<T>(email: string | undefined, statement: () => Promise<T>): Promise<T> {
    try {
      return await statement();
    } catch (error) {
      if (error instanceof ExpertEmailTakenError) throw new ConflictException(refusal('expert_email_taken', { email: email?.trim() ?? '' }));
      if (error instanceof ExpertIdentitySubjectTakenError) throw new ConflictException(refusal('expert_identity_subject_taken'));
      throw error;
    }
  }
}

function notFound(expertId: string): NotFoundException {
  return new NotFoundException(refusal('expert_not_found', { expertId }));
}
