import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Allow } from '../auth/allow.decorator';
import { ApiCaseIdParam, caseId } from '../http/case-id-param';
import type { CatalogueLanguage } from '../i18n/catalogue/languages';
import { RequestLanguage } from '../i18n/request-language.decorator';
import { ApiErrorResponses } from '../http/api-error-responses';
import { CaseHistoryService } from './case-history.service';
import { CaseVerificationService } from './case-verification.service';
import { AuditBundleModel } from './dto/audit-bundle.model';
import { CaseStateQueryDto } from './dto/case-state-query.dto';
import { CaseStateAtModel } from './dto/case-state-at.model';
import { CaseTimelineModel } from './dto/case-timeline.model';
import { CaseVerificationModel } from './dto/case-verification.model';

const BAD_CASE_ID = 'The case id is not a UUID.';
const UNKNOWN_CASE = 'No case with this id was ever recorded.';

/** Auditor routes: a case's recorded history, its state at any point, its verification and its export. */
@ApiTags('audit')
@Controller('cases')
export class AuditController {
  constructor(private readonly history: CaseHistoryService, private readonly verification: CaseVerificationService) {}

  @Get(':id/timeline')
  @Allow('coordinator', 'auditor')
  @ApiOperation({ summary: 'The events of a case in order, with their actors, times and hashes' })
  @ApiCaseIdParam()
  @ApiOkResponse({ type: CaseTimelineModel, description: 'The events, oldest first.' })
  @ApiErrorResponses({ 400: BAD_CASE_ID, 404: UNKNOWN_CASE })
  timeline(@Param('id', caseId) id: string) {
    return this.history.timeline(id);
  }

  @Get(':id/state')
  @Allow('coordinator', 'auditor')
  @ApiOperation({ summary: 'The state of a case as of a version (?version=N) or a moment (?at=<ISO time>), folded from its events' })
  @ApiCaseIdParam()
  @ApiOkResponse({ type: CaseStateAtModel, description: 'The state folded from the events up to that point, and the last version folded.' })
  @ApiErrorResponses({
    400: 'Neither or both of version and at, a version that is not a whole number from 1, or an at that is not an ISO 8601 time.',
    404: `${UNKNOWN_CASE} Or the version is beyond the last (the answer names it), or the moment is before the case existed.`,
    422: 'The recorded events cannot be folded up to that point; `GET /cases/{id}/verify` says why.',
  })
  stateAt(@Param('id', caseId) id: string, @Query() query: CaseStateQueryDto, @RequestLanguage() language: CatalogueLanguage) {
    return this.history.stateAt(id, query.version !== undefined ? { version: query.version } : { at: query.at! }, language);
  }

  @Get(':id/verify')
  @Allow('auditor')
  @ApiOperation({
    summary: "Verify a case: the hash chain, the fold of its events, the read model, and a replay of its workflows' Temporal histories with today's code",
  })
  @ApiCaseIdParam()
  @ApiOkResponse({ type: CaseVerificationModel, description: 'The findings; `valid` is true only when every check passed.' })
  @ApiErrorResponses({ 400: BAD_CASE_ID, 404: UNKNOWN_CASE })
  verify(@Param('id', caseId) id: string) {
    return this.verification.verify(id);
  }

  @Get(':id/export')
  @Allow('auditor')
  @ApiOperation({ summary: 'Download a self-contained audit bundle of a case, for `brigade audit verify <file>` to check offline' })
  @ApiCaseIdParam()
  @ApiProduces('application/json')
  @ApiOkResponse({
    type: AuditBundleModel,
    description: 'The bundle, as an attachment named case-<id>.audit.json.',
    headers: { 'Content-Disposition': { description: 'attachment; filename=case-<id>.audit.json', schema: { type: 'string' } } },
  })
  @ApiErrorResponses({ 400: BAD_CASE_ID, 404: UNKNOWN_CASE })
  async export(@Param('id', caseId) id: string, @Res({ passthrough: true }) response: Response) {
    const bundle = await this.verification.export(id);
    response.attachment(`case-${id}.audit.json`);
    return bundle;
  }
}
