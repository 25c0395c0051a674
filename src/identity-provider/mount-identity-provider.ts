import type { INestApplication } from '@nestjs/common';
import { BrigadeConfig } from '../config/brigade-config';
import { EmbeddedIdentityProvider, PROVIDER_MOUNT_PATH } from './embedded-identity-provider';

/**
 * Mounts the embedded provider at `/oidc` when the configuration asks for it. Call it before `init` and after the Host
 * allow-list: Express then runs it ahead of Nest's body parsers (oidc-provider reads its own request bodies) and of the
 * routes, so the token guard never sees `/oidc`, which is public.
 */
export function mountIdentityProvider(app: INestApplication): void {
  const config = app.get(BrigadeConfig);
  if (!config.oidc.embedded) return;
  app.use(PROVIDER_MOUNT_PATH, app.get(EmbeddedIdentityProvider, { strict: false }).handler());
}
