import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOperation, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ErrorBody } from '../runtime/error-body';
import type { UserRole } from './user-role';

/** Metadata key under which a route lists the roles that may call it. */
export const ALLOWED_ROLES = 'brigade:allowed-roles';
/** Metadata key that marks a route as open to callers without a token. */
export const PUBLIC_ROUTE = 'brigade:public-route';

/** Declares which roles may call a route (or every route of a controller); the guard refuses all others. */
export function Allow(...roles: [UserRole, ...UserRole[]]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(ALLOWED_ROLES, roles),
    ApiBearerAuth(),
    ApiOperation({ description: `Roles: ${roles.join(', ')}.` }),
    ApiUnauthorizedResponse({ description: 'No token, or one that is expired or wrongly signed.', type: ErrorBody }),
    ApiForbiddenResponse({ description: `The token's role is not one of: ${roles.join(', ')}.`, type: ErrorBody }),
  );
}

/** Declares a route open to everyone, without a token. */
export function Public(): MethodDecorator & ClassDecorator {
  return SetMetadata(PUBLIC_ROUTE, true);
}
