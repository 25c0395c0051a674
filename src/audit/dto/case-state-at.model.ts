import { ApiProperty } from '@nestjs/swagger';
import { CaseStateModel } from '../../http/models/case-state.model';
import type { CaseStateAt } from '../../api-contracts/case-history.contract';

/** A case's state at a point in its history, for the OpenAPI document. */
export class CaseStateAtModel implements CaseStateAt {
  @ApiProperty({ format: 'uuid' }) readonly caseId!: string;
  @ApiProperty({ type: 'integer', description: 'The last version folded into the state.' }) readonly version!: number;
  @ApiProperty({ format: 'date-time', description: 'The moment asked for, or when the asked-for version occurred.' }) readonly at!: string;
  @ApiProperty({ type: CaseStateModel, description: 'The events up to that point, folded with `evolve`.' }) readonly state!: CaseStateModel;
}
