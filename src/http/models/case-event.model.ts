import { ApiProperty } from '@nestjs/swagger';
import { CASE_EVENT_TYPES } from '../../domain/case.events';
import { ACTOR_ROLES, type Actor, type ActorRole } from '../../domain/case.vocabulary';
import type { Causation } from '../../event-store/event-store.port';

/** Who caused an event, for the OpenAPI document. */
export class ActorModel implements Actor {
  @ApiProperty({ enum: ACTOR_ROLES, enumName: 'ActorRole' }) readonly role!: ActorRole;
  @ApiProperty({ description: "The token's subject: a coordinator's login, an expert's id, or the system's name.", example: 'c.jansen' })
  readonly id!: string;
}

/** Where in Temporal an append came from, for the OpenAPI document. */
export class CausationModel implements Causation {
  @ApiProperty({ required: false, example: 'case-5b1d0c7e-3f0a-4c43-9a51-7f1e2d4c8a10' }) readonly workflowId?: string;
  @ApiProperty({ required: false }) readonly runId?: string;
  @ApiProperty({ required: false }) readonly activityId?: string;
}

/** A case event as stored, with its envelope and hash chain, for the OpenAPI document. */
export class StoredCaseEventModel {
  @ApiProperty({ format: 'uuid' }) readonly caseId!: string;
  @ApiProperty({ type: 'integer', description: 'The position of the event in its case, from 1.' }) readonly version!: number;
  @ApiProperty({ enum: CASE_EVENT_TYPES, enumName: 'CaseEventType' }) readonly type!: string;
  @ApiProperty({ type: 'integer' }) readonly schemaVersion!: number;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The payload, whose shape the type and schema version give.' })
  readonly data!: Record<string, unknown>;
  @ApiProperty({ type: ActorModel }) readonly actor!: ActorModel;
  @ApiProperty({ format: 'date-time', description: 'Workflow time of the fact.' }) readonly occurredAt!: string;
  @ApiProperty({ type: 'integer', description: 'The position of the event in the whole store.' }) readonly position!: number;
  @ApiProperty({ format: 'date-time', description: 'When the store recorded it.' }) readonly recordedAt!: string;
  @ApiProperty({ type: CausationModel }) readonly causation!: CausationModel;
  @ApiProperty() readonly idempotencyKey!: string;
  @ApiProperty({ description: "The previous event's hash; the chain that `verify` recomputes." }) readonly prevHash!: string;
  @ApiProperty() readonly hash!: string;
}
