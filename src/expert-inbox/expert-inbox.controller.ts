import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/allow.decorator';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import type { CatalogueLanguage } from '../i18n/catalogue/languages';
import { RequestLanguage } from '../i18n/request-language.decorator';
import { ErrorBody } from '../http/error-body';
import { InboxCaseBody } from './dto/inbox-case.body';
import { InboxOfferBody } from './dto/inbox-offer.body';
import { InboxTaskBody } from './dto/inbox-task.body';
import { MyCasesQueryDto } from './dto/my-cases-query.dto';
import { ExpertInbox } from './expert-inbox';
import type { InboxCase, InboxOffer, InboxTask } from '../api-contracts/expert-inbox.contract';

/** The calling expert's inbox: what waits for them across all cases, most urgent first. Only experts have one. */
@ApiTags('me')
@Controller('me')
export class ExpertInboxController {
  constructor(private readonly inbox: ExpertInbox) {}

  @ApiOperation({ summary: 'The offers waiting for my answer, soonest expiry first' })
  @Allow('expert')
  @Get('offers')
  @ApiOkResponse({ type: InboxOfferBody, isArray: true, description: 'Open offers to me in cases that have not ended; empty when there are none.' })
  offers(@CurrentPrincipal() principal: Principal): Promise<InboxOffer[]> {
    return this.inbox.offers(principal.subject);
  }

  @ApiOperation({ summary: 'My open preparation tasks, soonest due first' })
  @Allow('expert')
  @Get('tasks')
  @ApiOkResponse({ type: InboxTaskBody, isArray: true, description: 'My open tasks in cases that have not ended; empty when there are none.' })
  tasks(@CurrentPrincipal() principal: Principal, @RequestLanguage() language: CatalogueLanguage): Promise<InboxTask[]> {
    return this.inbox.tasks(principal.subject, language);
  }

  @ApiOperation({ summary: 'The cases I am on, nearest deadline first; ended ones only with ?include=ended' })
  @Allow('expert')
  @Get('cases')
  @ApiOkResponse({ type: InboxCaseBody, isArray: true, description: 'The cases whose team I am on; empty when there are none.' })
  @ApiBadRequestResponse({ description: 'An unknown `include` or query parameter.', type: ErrorBody })
  cases(@CurrentPrincipal() principal: Principal, @Query() query: MyCasesQueryDto): Promise<InboxCase[]> {
    return this.inbox.cases(principal.subject, query.include === 'ended');
  }
}
