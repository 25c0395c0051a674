import { applyDecorators, SetMetadata } from '@nestjs/common';
import { METHOD_METADATA } from '@nestjs/common/constants';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse, DECORATORS } from '@nestjs/swagger';
import { ErrorBody } from '../http/error-body';
import type { UserRole } from '../domain/user-role';

/** Metadata key under which a route lists the roles that may call it. */
export const ALLOWED_ROLES = 'brigade:allowed-roles';
/** Metadata key that marks a route as open to callers without a token. */
export const PUBLIC_ROUTE = 'brigade:public-route';

/** Declares which roles may call a route (or every route of a controller); the guard refuses all others. */
export function Allow(...roles: [UserRole, ...UserRole[]]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(ALLOWED_ROLES, roles),
    ApiBearerAuth(),
    DescribeRoles(`Roles: ${roles.join(', ')}.`),
    ApiUnauthorizedResponse({ description: 'No token, or one that is expired or wrongly signed.', type: ErrorBody }),
    ApiForbiddenResponse({ description: `The token's role is not one of: ${roles.join(', ')}.`, type: ErrorBody }),
  );
}

/** Declares a route open to everyone, without a token. */
export function Public(): MethodDecorator & ClassDecorator {
  return SetMetadata(PUBLIC_ROUTE, true);
}

/**
 * Puts the roles into the OpenAPI operation description of a route, or of each route of a controller that declares
 * no roles of its own. Swagger's `ApiOperation` cannot decorate a class, and would reset a summary set before it.
 */
function DescribeRoles(description: string): MethodDecorator & ClassDecorator {
  return (target: object, _key?: string | symbol, descriptor?: PropertyDescriptor) => {
    const handlers = descriptor ? [descriptor.value as object] : routeHandlersWithoutRolesOf(target as () => unknown);
    for (const handler of handlers) {
      const operation: object | undefined = Reflect.getMetadata(DECORATORS.API_OPERATION, handler);
      Reflect.defineMetadata(DECORATORS.API_OPERATION, { ...operation, description }, handler);
    }
  };
}

// Class decorators run after method decorators, so a route's own @Allow or @Public is already there to be respected.
function routeHandlersWithoutRolesOf(controller: () => unknown): object[] {
  const prototype = controller.prototype as Record<string, unknown>;
  return Object.getOwnPropertyNames(prototype)
    .map((name) => Object.getOwnPropertyDescriptor(prototype, name)?.value as unknown)
    .filter((handler): handler is object => typeof handler === 'function'
      && Reflect.hasMetadata(METHOD_METADATA, handler)
      && !Reflect.hasMetadata(ALLOWED_ROLES, handler)
      && !Reflect.hasMetadata(PUBLIC_ROUTE, handler));
}
