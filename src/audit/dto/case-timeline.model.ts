import { ApiProperty } from '@nestjs/swagger';
import { ActorModel } from '../../http/models/case-event.model';
import { CASE_EVENT_TYPES } from '../../domain/case.events';
import type { CaseTimeline, TimelineEntry } from '../../api-contracts/case-history.contract';

/** One event of a case's timeline, for the OpenAPI document. */
export class TimelineEntryModel implements TimelineEntry {
  @ApiProperty({ type: 'integer', example: 7, description: 'The position of the event in its case, from 1.' }) readonly version!: number;
  @ApiProperty({ enum: CASE_EVENT_TYPES, enumName: 'CaseEventType' }) readonly type!: string;
  @ApiProperty({ type: ActorModel }) readonly actor!: ActorModel;
  @ApiProperty({ format: 'date-time', description: 'Workflow time of the fact.' }) readonly occurredAt!: string;
  @ApiProperty({ format: 'date-time', description: 'When the store recorded it.' }) readonly recordedAt!: string;
  @ApiProperty({ example: 'c0ffee…', description: 'SHA-256 over the previous hash and the event.' }) readonly hash!: string;
  @ApiProperty({ description: "The previous event's hash; 64 zeros for the first event." }) readonly prevHash!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The payload, whose shape the type gives.' })
  readonly data!: Record<string, unknown>;
}

/** A case's timeline, for the OpenAPI document. */
export class CaseTimelineModel implements CaseTimeline {
  @ApiProperty({ format: 'uuid' }) readonly caseId!: string;
  @ApiProperty({ type: [TimelineEntryModel], description: 'Oldest first.' }) readonly events!: TimelineEntryModel[];
}
