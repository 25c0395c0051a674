import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CaseProjectionRow } from '../database/case-projection.row';
import { toCaseListItem, type CaseListItem } from './case-list-item.mapper';
import type { ListCasesQueryDto } from './dto/list-cases-query.dto';

/** One page of cases, most recently changed first, with the number of cases that match the filters. */
export interface CasePage {
  readonly items: readonly CaseListItem[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

/** Lists cases from the `cases` read model, which every append keeps current. */
@Injectable()
export class CaseList {
  constructor(private readonly dataSource: DataSource) {}

  async page(query: ListCasesQueryDto): Promise<CasePage> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const builder = this.dataSource.getRepository(CaseProjectionRow).createQueryBuilder('c')
      .orderBy('c.updatedAt', 'DESC')
      // Cases changed in the same instant still need one order, or a page boundary could repeat or skip one.
      .addOrderBy('c.caseId', 'ASC')
      .skip((page - 1) * pageSize)
      .take(pageSize);
    if (query.stage !== undefined) builder.andWhere('c.stage = :stage', { stage: query.stage });
    if (query.risk !== undefined) builder.andWhere('c.riskLevel = :risk', { risk: query.risk });
    if (query.category !== undefined) builder.andWhere('c.category = :category', { category: query.category });
    if (query.region !== undefined) builder.andWhere('c.safetyRegion = :region', { region: query.region });
    if (query.municipalityCode !== undefined) builder.andWhere('c.municipalityCode = :code', { code: query.municipalityCode });
    const [rows, total] = await builder.getManyAndCount();
    return { items: rows.map(toCaseListItem), total, page, pageSize };
  }
}
