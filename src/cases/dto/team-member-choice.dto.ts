import { ApiProperty } from '@nestjs/swagger';
import { IsExpertId } from './expert-id-field';

/** The body of `POST /cases/:id/lead` and `POST /cases/:id/tasks/:taskId/reassign`: a member of the case's team. */
export class TeamMemberChoiceDto {
  @ApiProperty({ format: 'uuid', description: "An expert on the case's team (a version-4 UUID).", example: '0b6f9c7e-3f0a-4c43-9a51-7f1e2d4c8a10' })
  @IsExpertId() readonly expertId: string;
}
