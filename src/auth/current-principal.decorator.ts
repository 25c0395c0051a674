import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Principal } from './principal';

/** The request property where the guard leaves the verified principal. */
export const PRINCIPAL_PROPERTY = 'brigadePrincipal';

/** Injects the verified caller of the current request into a route handler. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<Record<string, unknown>>()[PRINCIPAL_PROPERTY];
  // The guard runs before every handler; a handler without a principal means a route was declared public by mistake.
  if (!principal) throw new Error('no principal on this request: is the route public by mistake?');
  return principal as Principal;
});
