import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Allow } from '../auth/allow.decorator';
import { ApiErrorResponses } from '../http/api-error-responses';
import { destructionReportCsv } from './destruction-report.csv';
import { DestructionReportService, type DestructionReportRow } from './destruction-report.service';
import { DestructionReportQueryDto } from './dto/destruction-report-query.dto';

/** The proof of destruction: what was destroyed when, under which rule or request, approved by whom. */
@ApiTags('retention')
@Controller('retention')
export class DestructionReportController {
  constructor(private readonly reports: DestructionReportService) {}

  @ApiOperation({ summary: 'What was destroyed in a period, with the key store\'s tombstones; as CSV with Accept: text/csv' })
  @Allow('coordinator', 'auditor')
  @Get('destruction-report')
  @ApiProduces('application/json', 'text/csv')
  @ApiErrorResponses({ 400: 'from or to is not an ISO 8601 time, or to does not come after from; `fields` names it.' })
  async report(@Query() query: DestructionReportQueryDto, @Headers('accept') accept: string | undefined, @Res({ passthrough: true }) response: Response): Promise<DestructionReportRow[] | string> {
    const rows = await this.reports.report(query.from, query.to);
    if (!accept?.includes('text/csv')) return rows;
    response.type('text/csv; charset=utf-8');
    return destructionReportCsv(rows);
  }
}
