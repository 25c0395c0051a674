import { Injectable, Logger } from '@nestjs/common';
import * as oidc from 'openid-client';
import { BrigadeConfig } from '../config/brigade-config';
import { localClientSecret } from '../identity-provider/provider-files';
import type { SignInAttempt } from './web-session';

/** What the provider told Brigade about the person who signed in. */
export interface ProviderSignIn {
  readonly claims: Readonly<Record<string, unknown>>;
  readonly idToken: string;
}

/** The scopes the screens' client asks for: who the person is, their name and e-mail address. */
const SCOPES = 'openid profile email';

/**
 * Brigade as an OpenID Connect relying party (openid-client, a certified implementation): the authorization code flow
 * with PKCE (S256), `state` and `nonce`, and RP-initiated logout. The provider's metadata is discovered on first use
 * and kept; a failed discovery is tried again on the next sign-in.
 */
@Injectable()
export class OidcRelyingParty {
  private readonly logger = new Logger(OidcRelyingParty.name);
  private configuration: Promise<oidc.Configuration> | undefined;

  constructor(private readonly config: BrigadeConfig) {}

  /** Where the provider sends the browser back to. */
  get redirectUri(): string {
    return `${this.config.publicUrl}/auth/callback`;
  }

  /** Where the provider sends the browser after signing out. */
  get postLogoutRedirectUri(): string {
    return `${this.config.publicUrl}/ui/?signedOut=1`;
  }

  /** A fresh attempt's secrets; the caller keeps them until the browser returns. */
  newAttempt(returnTo: string): SignInAttempt {
    return { state: oidc.randomState(), nonce: oidc.randomNonce(), codeVerifier: oidc.randomPKCECodeVerifier(), returnTo };
  }

  /** The provider's authorization URL for an attempt. */
  async authorizationUrl(attempt: SignInAttempt): Promise<URL> {
    const configuration = await this.discovered();
    return oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: this.redirectUri,
      scope: SCOPES,
      code_challenge: await oidc.calculatePKCECodeChallenge(attempt.codeVerifier),
      code_challenge_method: 'S256',
      state: attempt.state,
      nonce: attempt.nonce,
      max_age: String(this.config.oidc.maxAuthAgeSeconds),
      ...(this.config.oidc.requiredAcr.length > 0 && { acr_values: this.config.oidc.requiredAcr.join(' ') }),
    });
  }

  /**
   * Exchanges the code the browser brought back for tokens, checking state, nonce, PKCE, the ID token's signature,
   * issuer, audience and lifetime; throws when any check fails.
   */
  async complete(callbackUrl: URL, attempt: SignInAttempt): Promise<ProviderSignIn> {
    const configuration = await this.discovered();
    const tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
      pkceCodeVerifier: attempt.codeVerifier,
      expectedState: attempt.state,
      expectedNonce: attempt.nonce,
      idTokenExpected: true,
      // The provider says when the person entered their credentials (auth_time); an older sign-in is refused.
      maxAge: this.config.oidc.maxAuthAgeSeconds,
    });
    const claims = tokens.claims();
    if (!claims || !tokens.id_token) throw new Error('the provider sent no ID token');
    return { claims, idToken: tokens.id_token };
  }

  /** The provider's end-session URL for RP-initiated logout, or the screens' own page when the provider has none. */
  async endSessionUrl(idToken: string): Promise<string> {
    const configuration = await this.discovered();
    if (!configuration.serverMetadata().end_session_endpoint) return this.postLogoutRedirectUri;
    return oidc.buildEndSessionUrl(configuration, { id_token_hint: idToken, post_logout_redirect_uri: this.postLogoutRedirectUri }).href;
  }

  /** Where the provider publishes the keys its tokens are signed with. */
  async jwksUri(): Promise<string> {
    const uri = (await this.discovered()).serverMetadata().jwks_uri;
    if (!uri) throw new Error(`the identity provider ${this.config.oidc.issuer} publishes no jwks_uri`);
    return uri;
  }

  private discovered(): Promise<oidc.Configuration> {
    this.configuration ??= this.discover().catch((error: unknown) => {
      this.configuration = undefined;
      throw error;
    });
    return this.configuration;
  }

  private async discover(): Promise<oidc.Configuration> {
    const { issuer, clientId } = this.config.oidc;
    const secret = localClientSecret(this.config);
    // Plain http is refused by openid-client unless allowed: the embedded default and a provider on loopback need it.
    const insecure = new URL(issuer).protocol === 'http:';
    const configuration = await oidc.discovery(new URL(issuer), clientId, undefined, oidc.ClientSecretBasic(secret), {
      ...(insecure && { execute: [oidc.allowInsecureRequests] }),
    });
    this.logger.log(`discovered the identity provider ${issuer}`);
    return configuration;
  }
}
