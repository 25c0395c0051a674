import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CaseState } from '../domain/case.state';
import { upcastCaseState } from '../domain/case-state-upcaster';
import { FINAL_STAGES, type CaseStage } from '../domain/case.vocabulary';
import type { CatalogueLanguage } from '../i18n/catalogue/languages';
import type { InboxCase, InboxOffer, InboxTask } from '../api-contracts/expert-inbox.contract';
import { toInboxCases, toInboxOffers, toInboxTasks } from './expert-inbox.mapper';
import { PARTICIPATION, participatingCasesQuery, type ParticipationCondition } from './participation-conditions';

/** What waits for one expert across all cases, read from the `cases` projection through its participation indexes. */
@Injectable()
export class ExpertInbox {
  constructor(private readonly dataSource: DataSource) {}

  /** The offers waiting for the expert's answer; an ended case waits for nobody. */
  async offers(expertId: string): Promise<InboxOffer[]> {
    return toInboxOffers(await this.casesWhere(PARTICIPATION.offeredTo, expertId, FINAL_STAGES), expertId);
  }

  /** The expert's open preparation tasks in cases that have not ended. */
  async tasks(expertId: string, language: CatalogueLanguage): Promise<InboxTask[]> {
    return toInboxTasks(await this.casesWhere(PARTICIPATION.hasOpenTaskFor, expertId, FINAL_STAGES), expertId, language);
  }

  /** The cases whose team includes the expert; ended ones only when asked for. */
  async cases(expertId: string, includeEnded: boolean): Promise<InboxCase[]> {
    return toInboxCases(await this.casesWhere(PARTICIPATION.teamIncludes, expertId, includeEnded ? [] : FINAL_STAGES), expertId);
  }

  private async casesWhere(condition: ParticipationCondition, expertId: string, excludedStages: readonly CaseStage[]): Promise<CaseState[]> {
    const rows: Array<{ state: CaseState }> = await this.dataSource.query(participatingCasesQuery(condition), [expertId, excludedStages]);
    return rows.map((row) => upcastCaseState(row.state));
  }
}
