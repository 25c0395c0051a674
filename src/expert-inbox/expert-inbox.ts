import { Inject, Injectable } from '@nestjs/common';
import type { CaseState } from '../domain/case.state';
import { upcastCaseState } from '../domain/case-state-upcaster';
import { FINAL_STAGES, type CaseStage } from '../domain/case.vocabulary';
import type { CatalogueLanguage } from '../i18n/catalogue/languages';
import type { InboxCase, InboxOffer, InboxTask } from '../api-contracts/expert-inbox.contract';
import { SealedFieldsOpener } from '../field-encryption/sealed-fields-opener';
import { CASE_READ_MODEL, type CaseReadModel, type Participation } from '../read-model/case-read-model.port';
import { toInboxCases, toInboxOffers, toInboxTasks } from './expert-inbox.mapper';

/** What waits for one expert across all cases, read from the `cases` projection through its participation indexes. */
@Injectable()
export class ExpertInbox {
  constructor(@Inject(CASE_READ_MODEL) private readonly readModel: CaseReadModel, private readonly opener: SealedFieldsOpener) {}

  /** The offers waiting for the expert's answer; an ended case waits for nobody. */
  async offers(expertId: string): Promise<InboxOffer[]> {
    return toInboxOffers(await this.casesWhere('offeredTo', expertId, FINAL_STAGES), expertId);
  }

  /** The expert's open preparation tasks in cases that have not ended. */
  async tasks(expertId: string, language: CatalogueLanguage): Promise<InboxTask[]> {
    return toInboxTasks(await this.casesWhere('hasOpenTaskFor', expertId, FINAL_STAGES), expertId, language);
  }

  /** The cases whose team includes the expert; ended ones only when asked for. */
  async cases(expertId: string, includeEnded: boolean): Promise<InboxCase[]> {
    return toInboxCases(await this.casesWhere('teamIncludes', expertId, includeEnded ? [] : FINAL_STAGES), expertId);
  }

  private async casesWhere(participation: Participation, expertId: string, excludedStages: readonly CaseStage[]): Promise<CaseState[]> {
    const states = await this.readModel.participating(expertId, participation, excludedStages);
    return Promise.all(states.map(async (state) => upcastCaseState(await this.opener.openState(state))));
  }
}
