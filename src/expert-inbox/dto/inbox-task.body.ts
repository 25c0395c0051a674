import { ApiProperty } from '@nestjs/swagger';
import { DomainTextModel } from '../../http/models/domain-text.model';
import { CASE_CATEGORIES, CASE_STAGES, type CaseCategory, type CaseStage } from '../../domain/case.vocabulary';
import type { InboxTask } from '../../api-contracts/expert-inbox.contract';

/** The OpenAPI shape of an open task in the expert's inbox. */
export class InboxTaskBody implements InboxTask {
  @ApiProperty({ example: 'task-2' }) readonly taskId!: string;
  @ApiProperty({ format: 'uuid' }) readonly caseId!: string;
  @ApiProperty({ type: DomainTextModel }) readonly title!: DomainTextModel;
  @ApiProperty({ example: 'risk-analysis', description: 'The preparation plan template the task comes from.' }) readonly templateId!: string;
  @ApiProperty({ format: 'date-time' }) readonly dueAt!: string;
  @ApiProperty({ enum: CASE_STAGES, description: "The case's stage." }) readonly stage!: CaseStage;
  @ApiProperty({ enum: CASE_CATEGORIES }) readonly category!: CaseCategory;
  @ApiProperty({ example: 'Zoetermeer' }) readonly municipality!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readonly eventDate!: string | null;
}
