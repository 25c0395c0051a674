import { Inject, Injectable } from '@nestjs/common';
import { CASE_READ_MODEL, type CaseReadModel } from '../read-model/case-read-model.port';
import { STUCK_WORKFLOWS, type StuckWorkflows } from '../temporal/stuck-workflows.port';
import { toCaseListItem, type CaseListItem } from './case-list-item.mapper';
import type { ListCasesQueryDto } from './dto/list-cases-query.dto';

/** One page of cases, most recently changed first, with the number of cases that match the filters. */
export interface CasePage {
  readonly items: readonly CaseListItem[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

/** Lists cases from the `cases` read model, which every append keeps current, and marks those whose workflow is stuck. */
@Injectable()
export class CaseList {
  constructor(
    @Inject(CASE_READ_MODEL) private readonly readModel: CaseReadModel,
    @Inject(STUCK_WORKFLOWS) private readonly stuckWorkflows: StuckWorkflows,
  ) {}

  async page(query: ListCasesQueryDto): Promise<CasePage> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const { rows, total } = await this.readModel.page({
      page, pageSize, stage: query.stage, risk: query.risk, category: query.category, region: query.region, municipalityCode: query.municipalityCode,
    });
    return { items: rows.map((row) => toCaseListItem(row, this.stuckWorkflows.attemptsOfCase(row.caseId))), total, page, pageSize };
  }
}
