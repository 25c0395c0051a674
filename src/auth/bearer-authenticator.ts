import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { BrigadeConfig } from '../config/brigade-config';
import { EXPERT_DIRECTORY, type ExpertDirectory } from '../expert-directory/expert-directory.port';
import { refusal } from '../http/refusal';
import { OidcRelyingParty } from './oidc-relying-party';
import type { Principal } from './principal';
import { isIdentityRefusal, providerIdentity } from './provider-identity';
import { principalFromClaims } from './token-claims';
import { tokenLifetimeProblem } from './token-lifetime';

// RFC 9110 §11.1: the scheme's name is case-insensitive.
const BEARER = /^Bearer +([A-Za-z0-9._~+/=-]+)$/i;

// Only signatures with a key pair: a provider's token must never be checkable with a shared secret.
const PROVIDER_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

/**
 * Checks an `Authorization: Bearer` token for scripts and machine clients: one from the identity provider (signature
 * against its JWKS, issuer and audience pinned), or one of Brigade's own from the token command.
 */
@Injectable()
export class BearerAuthenticator {
  private providerKeys: JWTVerifyGetKey | undefined;

  constructor(
    private readonly jwt: JwtService,
    private readonly config: BrigadeConfig,
    private readonly relyingParty: OidcRelyingParty,
    @Inject(EXPERT_DIRECTORY) private readonly experts: ExpertDirectory,
  ) {}

  /** The principal the header's token names, or a 401 that says what is wrong with it. */
  async authenticate(header: string): Promise<Principal> {
    const token = BEARER.exec(header)?.[1];
    if (!token) throw new UnauthorizedException(refusal('token_malformed'));
    const decoded = this.jwt.decode(token, { complete: true }) as { header?: unknown; payload?: { iss?: unknown } } | null;
    // RFC 7515 §4.1.11: a recipient must refuse a token whose header lists extensions it does not understand, before it
    // verifies the token; Brigade understands none. The header is read unverified, which is enough to refuse on.
    if (typeof decoded?.header === 'object' && decoded.header !== null && 'crit' in decoded.header) {
      throw new UnauthorizedException(refusal('token_critical_extensions'));
    }
    // The unverified issuer only chooses which check applies; each check then pins its own issuer.
    if (decoded?.payload?.iss === this.config.oidc.issuer) return this.providerPrincipal(token);
    return this.ownPrincipal(token);
  }

  private async ownPrincipal(token: string): Promise<Principal> {
    let payload: Record<string, unknown>;
    try {
      payload = await this.jwt.verifyAsync<Record<string, unknown>>(token);
    } catch (error) {
      if (error instanceof TokenExpiredError) throw new UnauthorizedException(refusal('token_expired', { expiredAt: error.expiredAt.toISOString() }));
      throw new UnauthorizedException(refusal('token_invalid', { detail: error instanceof Error ? error.message : String(error) }));
    }
    this.requireShortLife(payload);
    const principal = principalFromClaims(payload);
    if (typeof principal === 'string') throw new UnauthorizedException(refusal('token_no_principal', { detail: principal }));
    return principal;
  }

  private async providerPrincipal(token: string): Promise<Principal> {
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, await this.keys(), {
        issuer: this.config.oidc.issuer, audience: this.config.oidc.audience, algorithms: PROVIDER_ALGORITHMS, requiredClaims: ['exp', 'iat', 'sub'],
      }));
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) {
        const exp = typeof error.payload.exp === 'number' ? new Date(error.payload.exp * 1000).toISOString() : 'unknown';
        throw new UnauthorizedException(refusal('token_expired', { expiredAt: exp }));
      }
      throw new UnauthorizedException(refusal('token_invalid', { detail: error instanceof Error ? error.message : String(error) }));
    }
    this.requireShortLife(payload);
    const identity = await providerIdentity(payload, this.config.oidc, (subject, email) => this.experts.findSignInRecord(subject, email));
    if (isIdentityRefusal(identity)) throw new UnauthorizedException(refusal('token_no_principal', { detail: identity.detail }));
    return { role: identity.role, subject: identity.subject, displayName: identity.displayName, viaProvider: true };
  }

  // A leaked token that never expires, or expires in a year, would open the API for as long; the signature alone does not say.
  private requireShortLife(payload: Record<string, unknown>): void {
    const lifetime = tokenLifetimeProblem(payload, this.config.tokenKeys.maxTokenTtlSeconds, Math.floor(Date.now() / 1000));
    if (lifetime) throw new UnauthorizedException(refusal('token_lifetime', { detail: lifetime }));
  }

  // jose keeps the provider's keys and fetches them again when a token names a key it does not know (rotation).
  private async keys(): Promise<JWTVerifyGetKey> {
    if (this.providerKeys) return this.providerKeys;
    const jwksUri = await this.relyingParty.jwksUri();
    this.providerKeys = createRemoteJWKSet(new URL(jwksUri), { cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000 });
    return this.providerKeys;
  }
}
