import { ApiProperty } from '@nestjs/swagger';
import { ASSIGNMENT_WARNINGS, type AssignmentWarning } from '../domain/manual-assignment';
import type { AssignedCase } from '../../workflows/messages';
import { CaseStateModel } from '../http/models/case-state.model';

/** What a manual assignment answers: the case state, and the matching rules the assignment set aside. */
export class AssignedCaseModel extends CaseStateModel implements AssignedCase {
  @ApiProperty({
    enum: ASSIGNMENT_WARNINGS, enumName: 'AssignmentWarning', isArray: true,
    description: 'Matching rules the assignment set aside, also recorded in its event: the expert does not cover the category, is over capacity, or has a conflict of interest the coordinator overrode.',
  })
  readonly warnings!: readonly AssignmentWarning[];
}
