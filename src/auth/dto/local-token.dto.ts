import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, ValidateBy, type ValidationArguments } from 'class-validator';
import { principalProblem } from '../token-claims';
import { isUserRole, USER_ROLES, type UserRole } from '../../domain/user-role';

/** The body of `POST /auth/local-token`: who the sign-in page asks a token for. */
export class LocalTokenDto {
  @ApiProperty({ enum: USER_ROLES, description: 'The role the token carries.', example: 'coordinator' })
  @IsIn(USER_ROLES) readonly role: UserRole;

  @ApiProperty({
    description: "Who signs in: a login name of letters, digits and . _ @ - for a coordinator or auditor; an expert's own expert id (a version-4 UUID).",
    example: 'c.jansen',
  })
  @IsString() @IsSubjectForRole()
  readonly subject: string;
}

// The same rule the token guard applies, so the page never receives a token that the API would refuse. Only once the
// role is known can it be said what a subject must look like; a bad role is reported on its own field.
function IsSubjectForRole(): PropertyDecorator {
  return ValidateBy({
    name: 'isSubjectForRole',
    validator: {
      validate: (value: unknown, args?: ValidationArguments) => {
        const { role } = args?.object as LocalTokenDto;
        return !isUserRole(role) || principalProblem(role, value) === null;
      },
      defaultMessage: (args?: ValidationArguments) => `subject: ${principalProblem((args?.object as LocalTokenDto).role, args?.value)}`,
    },
  });
}
