import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/allow.decorator';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { ApiErrorResponses } from '../http/api-error-responses';
import { ParseUuidParamPipe } from '../http/uuid-path-param.pipe';
import { RetentionListsService } from './retention-lists.service';

const listId = new ParseUuidParamPipe();
const ListIdParam = () => ApiParam({ name: 'id', format: 'uuid', description: 'The destruction list id.' });

/** HTTP routes for the daily review's destruction lists: coordinators approve (two of them) or reject, auditors read. */
@ApiTags('retention')
@Controller('retention/lists')
export class RetentionListsController {
  constructor(private readonly lists: RetentionListsService) {}

  @ApiOperation({ summary: 'List the destruction lists, newest first, with their cases and decisions' })
  @Allow('coordinator', 'auditor')
  @Get()
  list() {
    return this.lists.lists();
  }

  @ApiOperation({ summary: 'Approve a destruction list; the second approval, by another coordinator, destroys its case keys' })
  @Allow('coordinator')
  @Post(':id/approve')
  @HttpCode(200)
  @ListIdParam()
  @ApiErrorResponses({ 404: 'No such list.', 409: 'The caller approved it already (four eyes), or it was decided.' })
  approve(@Param('id', listId) id: string, @CurrentPrincipal() principal: Principal) {
    return this.lists.decide(id, principal, 'approve');
  }

  @ApiOperation({ summary: 'Reject a destruction list; nothing on it is destroyed' })
  @Allow('coordinator')
  @Post(':id/reject')
  @HttpCode(200)
  @ListIdParam()
  @ApiErrorResponses({ 404: 'No such list.', 409: 'It was decided already.' })
  reject(@Param('id', listId) id: string, @CurrentPrincipal() principal: Principal) {
    return this.lists.decide(id, principal, 'reject');
  }
}
