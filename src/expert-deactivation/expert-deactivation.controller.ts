import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/allow.decorator';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { actorOf, type Principal } from '../auth/principal';
import { ExpertViewModel } from '../experts/expert-view.model';
import { ApiErrorResponses } from '../http/api-error-responses';
import { ParseUuidParamPipe } from '../http/uuid-path-param.pipe';
import { ExpertDeactivation } from './expert-deactivation.service';

/** The route that takes an expert out of the pool. */
@ApiTags('experts')
@Allow('coordinator')
@Controller('experts')
export class ExpertDeactivationController {
  constructor(private readonly deactivation: ExpertDeactivation) {}

  @Post(':id/deactivate')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Deactivate an expert: their token stops working, their open offers are withdrawn, their open tasks go back to ' +
      'the coordinator and they leave every team; repeating it finishes what an interrupted call left',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The expert id.' })
  @ApiOkResponse({ type: ExpertViewModel, description: 'The expert, now inactive.' })
  @ApiErrorResponses({
    400: 'The id in the path is not a UUID.',
    404: 'No expert has this id.',
    503: 'The expert is inactive, but some open cases could not be told yet; repeat the request.',
  })
  deactivate(@Param('id', new ParseUuidParamPipe()) id: string, @CurrentPrincipal() principal: Principal) {
    return this.deactivation.deactivate(id, actorOf(principal));
  }
}
