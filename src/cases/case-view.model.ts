import { ApiProperty } from '@nestjs/swagger';
import { CaseStateModel } from '../http/models/case-state.model';
import type { CaseView, RegisteredCase } from '../api-contracts/cases.contract';
import type { SignalAccepted } from './cases.service';

/** What `POST /cases` answers, for the OpenAPI document. */
export class RegisteredCaseModel implements RegisteredCase {
  @ApiProperty({ format: 'uuid' }) readonly caseId!: string;
  @ApiProperty({ example: 'case-5b1d0c7e-3f0a-4c43-9a51-7f1e2d4c8a10' }) readonly workflowId!: string;
  @ApiProperty({ description: 'True when the Idempotency-Key named a case registered earlier with the same request.' })
  readonly replayed!: boolean;
}

/** A case as `GET /cases/:id` shows it, for the OpenAPI document. */
export class CaseViewModel implements CaseView {
  @ApiProperty({ format: 'uuid' }) readonly caseId!: string;
  @ApiProperty({ type: CaseStateModel, nullable: true, description: 'The state folded from the recorded events; null before the first is recorded.' })
  readonly recorded!: CaseStateModel | null;
  @ApiProperty({ type: CaseStateModel, nullable: true, description: "The running workflow's own view (a query); for a case recorded as closed, rejected or cancelled, the state it ended with, without asking Temporal; null when Temporal no longer knows the case." })
  readonly live!: CaseStateModel | null;
}

/** What a route that sends the workflow a fact answers, for the OpenAPI document. */
export class SignalAcceptedModel implements SignalAccepted {
  @ApiProperty({ enum: [true], description: 'The workflow has the fact and records it in its own time.' }) readonly accepted!: true;
}
