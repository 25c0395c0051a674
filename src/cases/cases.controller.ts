import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Actor } from '../domain/case.vocabulary';
import { CasesService } from './cases.service';
import { parseIdempotencyKey } from './idempotency-key';
import { CloseCaseDto } from './dto/close-case.dto';
import { RegisterCaseDto } from './dto/register-case.dto';
import { TriageCaseDto } from './dto/triage-case.dto';

// Until authentication lands every request acts as one local coordinator; the actor is still recorded.
const LOCAL_COORDINATOR: Actor = { role: 'coordinator', id: 'local-coordinator' };
const caseId = new ParseUUIDPipe({ version: '4' });

/** HTTP routes for support cases. */
@Controller('cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Post()
  async register(
    @Body() dto: RegisterCaseDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const registered = await this.cases.register(dto, LOCAL_COORDINATOR, parseIdempotencyKey(idempotencyKey));
    response.status(registered.replayed ? 200 : 201).location(`/cases/${registered.caseId}`);
    return registered;
  }

  @Post(':id/triage')
  @HttpCode(200)
  triage(@Param('id', caseId) id: string, @Body() dto: TriageCaseDto) {
    return this.cases.triage(id, dto, LOCAL_COORDINATOR);
  }

  @Post(':id/close')
  @HttpCode(200)
  close(@Param('id', caseId) id: string, @Body() dto: CloseCaseDto) {
    return this.cases.close(id, dto, LOCAL_COORDINATOR);
  }

  @Get(':id')
  get(@Param('id', caseId) id: string) {
    return this.cases.get(id);
  }

  @Get(':id/events')
  events(@Param('id', caseId) id: string) {
    return this.cases.events(id);
  }

  @Get(':id/verify')
  verify(@Param('id', caseId) id: string) {
    return this.cases.verify(id);
  }
}
