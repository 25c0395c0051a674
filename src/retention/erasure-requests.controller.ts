import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/allow.decorator';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { ApiErrorResponses } from '../http/api-error-responses';
import { ParseUuidParamPipe } from '../http/uuid-path-param.pipe';
import { CreateErasureRequestDto } from './dto/create-erasure-request.dto';
import { ErasureRequestsService } from './erasure-requests.service';

const requestId = new ParseUuidParamPipe();
const RequestIdParam = () => ApiParam({ name: 'id', format: 'uuid', description: 'The erasure request id.' });
const MALFORMED = 'A field of the body, or the id in the path, is malformed; `fields` names each.';

/** HTTP routes for erasure requests: one coordinator asks, another approves or rejects, auditors read. */
@ApiTags('retention')
@Controller('erasure-requests')
export class ErasureRequestsController {
  constructor(private readonly erasures: ErasureRequestsService) {}

  @ApiOperation({ summary: 'List the erasure requests, newest first, with where each stands' })
  @Allow('coordinator', 'auditor')
  @Get()
  list() {
    return this.erasures.list();
  }

  @ApiOperation({ summary: "Ask for a person's data to be erased: an office holder (by a case they appear in) or an expert" })
  @Allow('coordinator')
  @Post()
  @ApiErrorResponses({ 400: MALFORMED, 404: 'The case does not exist.' })
  create(@Body() dto: CreateErasureRequestDto, @CurrentPrincipal() principal: Principal) {
    return this.erasures.create(dto, principal);
  }

  @ApiOperation({ summary: "Approve a request as a second coordinator: the person's keys are destroyed and the erasure recorded in every case" })
  @Allow('coordinator')
  @Post(':id/approve')
  @HttpCode(200)
  @RequestIdParam()
  @ApiErrorResponses({ 400: MALFORMED, 403: 'The caller made the request (four eyes).', 404: 'No such request.', 409: 'Decided already, or a case is still open.' })
  approve(@Param('id', requestId) id: string, @CurrentPrincipal() principal: Principal) {
    return this.erasures.approve(id, principal);
  }

  @ApiOperation({ summary: 'Reject a request; nothing is destroyed' })
  @Allow('coordinator')
  @Post(':id/reject')
  @HttpCode(200)
  @RequestIdParam()
  @ApiErrorResponses({ 400: MALFORMED, 404: 'No such request.', 409: 'Decided already.' })
  reject(@Param('id', requestId) id: string, @CurrentPrincipal() principal: Principal) {
    return this.erasures.reject(id, principal);
  }
}
