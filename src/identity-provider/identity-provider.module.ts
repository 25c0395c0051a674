import { Module } from '@nestjs/common';
import { ExpertDirectoryModule } from '../expert-directory/expert-directory.module';
import { EmbeddedIdentityProvider } from './embedded-identity-provider';
import { ProviderAccounts } from './provider-accounts';

/** The embedded local OpenID Connect provider; `mountIdentityProvider` puts its handler on the HTTP server. */
@Module({
  imports: [ExpertDirectoryModule],
  providers: [ProviderAccounts, EmbeddedIdentityProvider],
  exports: [EmbeddedIdentityProvider],
})
export class IdentityProviderModule {}
