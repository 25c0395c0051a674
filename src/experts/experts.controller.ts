import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/allow.decorator';
import { ApiErrorResponses } from '../http/api-error-responses';
import { ParseUuidParamPipe } from '../http/uuid-path-param.pipe';
import { CreateExpertDto } from './dto/create-expert.dto';
import { ListExpertsQueryDto } from './dto/list-experts-query.dto';
import { UpdateExpertDto } from './dto/update-expert.dto';
import { ExpertPageModel, ExpertViewModel } from './expert-view.model';
import { ExpertsService } from './experts.service';

const expertId = new ParseUuidParamPipe();

const MALFORMED = 'A field of the body or query, or the id in the path, is malformed, or the body has a field it does not know; `fields` names each.';
const UNKNOWN_EXPERT = 'No expert has this id.';
const EMAIL_TAKEN = 'Another expert in the pool has this e-mail address.';
const ExpertIdParam = () => ApiParam({ name: 'id', format: 'uuid', description: 'The expert id.' });

/** HTTP routes for the expert pool. */
@ApiTags('experts')
@Allow('coordinator')
@Controller('experts')
export class ExpertsController {
  constructor(private readonly experts: ExpertsService) {}

  @Post()
  @ApiOperation({ summary: 'Add an expert to the pool' })
  @ApiCreatedResponse({ type: ExpertViewModel, description: 'The new expert, active.' })
  @ApiErrorResponses({ 400: MALFORMED, 409: EMAIL_TAKEN })
  create(@Body() dto: CreateExpertDto) {
    return this.experts.create(dto);
  }

  @Patch(':id')
  @ApiOperation({ summary: "Change an expert's details; absent fields stay as they are" })
  @ExpertIdParam()
  @ApiOkResponse({ type: ExpertViewModel, description: 'The expert as changed.' })
  @ApiErrorResponses({ 400: MALFORMED, 404: UNKNOWN_EXPERT, 409: EMAIL_TAKEN })
  update(@Param('id', expertId) id: string, @Body() dto: UpdateExpertDto) {
    return this.experts.update(id, dto);
  }

  @Get()
  @ApiOperation({ summary: 'List experts in name order, with filters and paging' })
  @ApiOkResponse({ type: ExpertPageModel, description: 'One page of experts.' })
  @ApiErrorResponses({ 400: MALFORMED })
  list(@Query() query: ListExpertsQueryDto) {
    return this.experts.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Show an expert' })
  @ExpertIdParam()
  @ApiOkResponse({ type: ExpertViewModel, description: 'The expert.' })
  @ApiErrorResponses({ 400: MALFORMED, 404: UNKNOWN_EXPERT })
  get(@Param('id', expertId) id: string) {
    return this.experts.get(id);
  }
}
