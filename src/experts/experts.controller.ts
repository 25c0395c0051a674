import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/allow.decorator';
import { CreateExpertDto } from './dto/create-expert.dto';
import { ListExpertsQueryDto } from './dto/list-experts-query.dto';
import { UpdateExpertDto } from './dto/update-expert.dto';
import { ExpertsService } from './experts.service';

const expertId = new ParseUUIDPipe({ version: '4' });

/** HTTP routes for the expert pool. */
@ApiTags('experts')
@Allow('coordinator')
@Controller('experts')
export class ExpertsController {
  constructor(private readonly experts: ExpertsService) {}

  @Post()
  create(@Body() dto: CreateExpertDto) {
    return this.experts.create(dto);
  }

  @Patch(':id')
  update(@Param('id', expertId) id: string, @Body() dto: UpdateExpertDto) {
    return this.experts.update(id, dto);
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  deactivate(@Param('id', expertId) id: string) {
    return this.experts.deactivate(id);
  }

  @Get()
  list(@Query() query: ListExpertsQueryDto) {
    return this.experts.list(query);
  }

  @Get(':id')
  get(@Param('id', expertId) id: string) {
    return this.experts.get(id);
  }
}
