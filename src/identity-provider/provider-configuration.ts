import { errors, interactionPolicy, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import type { BrigadeConfig } from '../config/brigade-config';
import { DEMO_ACCOUNTS, POOL_SUBJECT_PREFIX } from './demo-accounts';
import type { ProviderAccounts } from './provider-accounts';
import { localClientSecret, providerCookieKeys, providerSigningKeys } from './provider-files';
import type { ProcessMemoryStore } from './process-memory-adapter';
import type { ProviderPages } from './provider-pages-koa';

/** The `acr` values the local provider asserts: a password alone, or a password and an authenticator code. */
export const ACR = { password: 'urn:brigade:loa:pwd', mfa: 'urn:brigade:loa:mfa' } as const;

/** The `amr` values of the two ways of signing in. */
export const AMR = { password: ['pwd'], mfa: ['pwd', 'otp', 'mfa'] } as const;

/** Where the provider's interaction pages live, below its mount path. */
export const INTERACTION_PATH = '/oidc/interaction';

// The longest an access token from the local provider lives: an hour, or less where Brigade accepts no longer tokens.
const ACCESS_TOKEN_SECONDS = 3600;

/** The redirect and post-logout URLs of the Brigade client, from the public origin. */
export function brigadeClientUrls(config: BrigadeConfig): { redirectUri: string; postLogoutRedirectUri: string } {
  return { redirectUri: `${config.publicUrl}/auth/callback`, postLogoutRedirectUri: `${config.publicUrl}/ui/?signedOut=1` };
}

/**
 * The resource indicator of Brigade's API at the local provider. RFC 8707 wants an absolute URI, so it is the public
 * origin; the access tokens' `aud` is the configured audience (`brigade-api`) all the same.
 */
export function brigadeApiResource(config: BrigadeConfig): string {
  return config.publicUrl;
}

/** The oidc-provider configuration of the local provider: one first-party client, code flow with PKCE, JWT access tokens. */
export function providerConfiguration(config: BrigadeConfig, accounts: ProviderAccounts, pages: ProviderPages, store: ProcessMemoryStore): Configuration {
  const { redirectUri, postLogoutRedirectUri } = brigadeClientUrls(config);
  const resource = brigadeApiResource(config);
  const clientId = config.oidc.clientId;
  return {
    adapter: (model: string) => store.adapterFor(model),
    clients: [{
      client_id: clientId,
      client_secret: localClientSecret(config),
      client_name: 'Brigade',
      token_endpoint_auth_method: 'client_secret_basic',
      redirect_uris: [redirectUri],
      post_logout_redirect_uris: [postLogoutRedirectUri],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    }],
    jwks: providerSigningKeys(config),
    cookies: {
      keys: providerCookieKeys(config),
      long: { httpOnly: true, sameSite: 'lax', signed: true },
      short: { httpOnly: true, sameSite: 'lax', signed: true },
    },
    pkce: { required: () => true },
    responseTypes: ['code'],
    scopes: ['openid', 'profile', 'email'],
    // How someone signed in (acr, amr, auth_time) belongs to scope openid: a claim of no scope reaches the ID token only
    // when the client asks for it by name, and the relying party checks these on every sign-in.
    claims: {
      openid: ['sub', config.oidc.roleClaim, 'acr', 'amr', 'auth_time'],
      profile: ['name'],
      email: ['email', 'email_verified'],
      sid: null,
      iss: null,
    },
    // The access token is for Brigade's API, not for userinfo, so the ID token carries every claim of the granted scopes.
    conformIdTokenClaims: false,
    acrValues: [ACR.password, ACR.mfa],
    async findAccount(_ctx, sub) {
      const account = await accounts.find(sub);
      if (!account) return undefined;
      return {
        accountId: account.accountId,
        async claims() {
          return { sub: account.accountId, name: account.name, email: account.email, email_verified: true, [config.oidc.roleClaim]: account.role };
        },
      };
    },
    // The client is Brigade itself: consent is given with the sign-in, for what it asked.
    async loadExistingGrant(ctx) {
      const { client, session } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const grantId = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      const existing = grantId ? await ctx.oidc.provider.Grant.find(grantId) : undefined;
      if (client.clientId !== clientId) return existing;
      const grant = existing ?? new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope([...ctx.oidc.requestParamOIDCScopes].join(' '));
      grant.addResourceScope(resource, [...ctx.oidc.requestParamOIDCScopes].join(' '));
      await grant.save();
      return grant;
    },
    features: {
      devInteractions: { enabled: false },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => resource,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, indicator) => {
          if (indicator !== resource) throw new errors.InvalidTarget();
          return {
            scope: 'openid profile email',
            audience: config.oidc.audience,
            accessTokenTTL: Math.min(ACCESS_TOKEN_SECONDS, config.tokenKeys.maxTokenTtlSeconds),
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx: KoaContextWithOIDC, form: string) => pages.signOut(ctx, form),
        postLogoutSuccessSource: (ctx: KoaContextWithOIDC) => pages.signedOut(ctx),
      },
    },
    interactions: { url: (_ctx, interaction) => `${INTERACTION_PATH}/${interaction.uid}`, policy: interactionsAskingForGoneAccounts() },
    renderError: (ctx, out) => pages.error(ctx, { ...out }),
    // Scripts use the access token as a bearer token: it names the role as the guard reads it.
    // Brigade links an expert by a verified e-mail address, so a script's access token carries it beside the role.
    extraTokenClaims: async (_ctx, token) => {
      if (token.kind !== 'AccessToken' || !token.accountId) return undefined;
      const account = await accounts.find(token.accountId);
      return { [config.oidc.roleClaim]: roleOf(token.accountId), ...(account && { email: account.email, email_verified: true }) };
    },
    ttl: {
      AccessToken: Math.min(ACCESS_TOKEN_SECONDS, config.tokenKeys.maxTokenTtlSeconds),
      AuthorizationCode: 60,
      IdToken: 3600,
      Interaction: 30 * 60,
      Session: Math.floor(config.session.maxAgeMs / 1000),
      Grant: Math.floor(config.session.maxAgeMs / 1000),
    },
  };
}

/**
 * The standard prompts, with one more reason to ask for a login: the session names an account that is gone (an expert
 * deactivated since). oidc-provider would otherwise go on to consent with no account and fail with a server error.
 */
function interactionsAskingForGoneAccounts(): ReturnType<typeof interactionPolicy.base> {
  const policy = interactionPolicy.base();
  policy.get('login')!.checks.add(new interactionPolicy.Check(
    'account_gone', 'the signed-in account no longer exists',
    (ctx) => (ctx.oidc.session?.accountId && !ctx.oidc.account ? interactionPolicy.Check.REQUEST_PROMPT : interactionPolicy.Check.NO_NEED_TO_PROMPT),
  ), 0);
  return policy;
}

function roleOf(accountId: string): string | undefined {
  if (accountId.startsWith(POOL_SUBJECT_PREFIX)) return 'expert';
  return DEMO_ACCOUNTS.find((account) => account.accountId === accountId)?.role;
}
