import * as path from 'node:path';
import { stuckWorkflowsConfig, type StuckWorkflowsConfig } from './stuck-workflows-config';
import { isUserRole, type UserRole } from '../domain/user-role';
import { keyStoreConfig, type KeyStoreConfig } from './key-store-config';
import { notificationsConfig, type NotificationsConfig } from './notifications-config';
import { retentionConfig, type RetentionConfig } from './retention-config';
import { ConfigError, durationMs, durationSeconds, isDuration, nonEmpty, oneOf, port } from './env-values';

export { ConfigError, durationSeconds, isDuration } from './env-values';
export type { FolderKeyStoreConfig, KeyStoreConfig, VaultKeyStoreConfig } from './key-store-config';
export type { RetentionConfig } from './retention-config';

/** The roles one Brigade binary can run as. */
export const RUNTIME_ROLES = ['all', 'api', 'worker'] as const;
export type RuntimeRole = (typeof RUNTIME_ROLES)[number];

/** How API tokens are signed and checked: a shared secret (HS256), or an RSA key pair (RS256). */
export interface TokenKeysConfig {
  /** HS256 secret; when no secret and no public key are set, one is generated and kept in the data folder. */
  readonly secret: string | undefined;
  /** PEM public key that verifies RS256 tokens issued elsewhere. */
  readonly publicKey: string | undefined;
  /** PEM private key, needed only to issue RS256 tokens (the token command). */
  readonly privateKey: string | undefined;
  /** How long an issued token stays valid, as `30m`, `8h` or `7d`. */
  readonly tokenTtl: string;
  /** The longest lifetime (`exp` minus `iat`) a token may have, in seconds; longer tokens are neither issued nor accepted. */
  readonly maxTokenTtlSeconds: number;
}

/** One AES-256 key for Temporal payloads, and the id that encrypted payloads carry to name it. */
export interface PayloadKey {
  readonly id: string;
  /** 32 bytes. */
  readonly key: Buffer;
}

/** Keys for Temporal payloads: the active one encrypts, every one decrypts, so keys can rotate. */
export interface PayloadKeysConfig {
  readonly activeKeyId: string;
  readonly keys: readonly PayloadKey[];
}

/** A host and TCP port to listen on. */
export interface ListenAddress {
  readonly host: string;
  readonly port: number;
}

/** Access to `/metrics`, and where a worker-only process serves it. */
export interface MetricsConfig {
  /** When set, `/metrics` answers only to `Authorization: Bearer <token>`; when unset it is public (aggregates only). */
  readonly token: string | undefined;
  /** Where a process in the `worker` role serves `/metrics`; none when unset. The other roles serve it on the API port. */
  readonly workerAddress: ListenAddress | undefined;
}

/** The HTTP server's limits, and the Host headers it answers. */
/** Where the transparency log's checkpoints come from: who signs them, how often, and where copies go. */
export interface TransparencyLogConfig {
  /** The log's name in every checkpoint (its first line), which also names the signing key. */
  readonly origin: string;
  /** PEM (PKCS#8) Ed25519 private key that signs checkpoints; when absent, one is generated and kept in the data folder. */
  readonly signingKeyPem: string | undefined;
  /** PEM Ed25519 public key that checks checkpoints where no signing key is at hand (an auditor's copy). */
  readonly publicKeyPem: string | undefined;
  /** How often a checkpoint is made while new events arrive. */
  readonly checkpointIntervalMs: number;
  /** A folder every new checkpoint is also written to, for an operator to ship elsewhere; none when absent. */
  readonly checkpointDir: string | undefined;
}

export interface HttpServerConfig {
  /**
   * The `Host` values (lower case, `name` or `name:port`) that requests may carry; `['*']` lets any through. When
   * undefined, only `localhost`, `127.0.0.1` and `[::1]` on the port the request arrived on are answered.
   */
  readonly allowedHosts: readonly string[] | undefined;
  /** How long a client may take to send a request's headers. */
  readonly headersTimeoutMs: number;
  /** How long a client may take to send a whole request, body included. */
  readonly requestTimeoutMs: number;
  /** How long an idle keep-alive connection stays open between requests. */
  readonly keepAliveTimeoutMs: number;
}

/** Who signs people in: the embedded local provider, or the organisation's own OpenID Connect provider. */
export interface OidcConfig {
  /** The provider's issuer URL; the local provider's is `<publicUrl>/oidc`. */
  readonly issuer: string;
  /** Whether the local provider runs inside Brigade (no BRIGADE_OIDC_ISSUER set): for a local machine, never production. */
  readonly embedded: boolean;
  readonly clientId: string;
  /** The client secret; on the embedded default it is generated and kept in the data folder. */
  readonly clientSecret: string | undefined;
  /** The audience bearer tokens from the provider must carry. */
  readonly audience: string;
  /** The claim whose value (or values) give the role. */
  readonly roleClaim: string;
  /** Which claim values mean which role; when empty, the claim holds the role's own name. */
  readonly roleMap: Readonly<Record<string, UserRole>>;
  /** When not empty, a sign-in must show one of these `amr` values (for example `mfa`). */
  readonly requiredAmr: readonly string[];
  /** When not empty, a sign-in must show one of these `acr` values. */
  readonly requiredAcr: readonly string[];
  /**
   * How long ago the person may have entered their credentials at the provider (`max_age`); 0 asks for them at every
   * sign-in, so that a timed-out session is not reopened by the provider's own session on an unattended browser.
   */
  readonly maxAuthAgeSeconds: number;
}

/** How long a signed-in session in the screens lasts. */
export interface SessionConfig {
  /** Without a person's own request for this long, the session ends. */
  readonly idleTimeoutMs: number;
  /** However active, the session ends this long after sign-in. */
  readonly maxAgeMs: number;
}

/** Where OpenTelemetry spans go: nowhere (the default), an OTLP/HTTP collector, or the console. */
export const TRACING_MODES = ['off', 'otlp', 'console'] as const;
export type TracingMode = (typeof TRACING_MODES)[number];

/** Tracing settings; with `off` no SDK, instrumentation or interceptor is installed. */
export interface TracingConfig {
  readonly mode: TracingMode;
  /** The OTLP/HTTP traces URL, from OTEL_EXPORTER_OTLP_ENDPOINT. */
  readonly otlpTracesUrl: string;
  /** The `service.name` of every span, from OTEL_SERVICE_NAME. */
  readonly serviceName: string;
}



/** Brigade's typed configuration; the only place that reads environment variables. */
export class BrigadeConfig {
  constructor(
    readonly role: RuntimeRole,
    readonly httpPort: number,
    readonly httpHost: string,
    readonly dataDir: string,
    /** External PostgreSQL; when absent an embedded one runs under `dataDir`. */
    readonly databaseUrl: string | undefined,
    readonly embeddedPostgresPort: number,
    /** External Temporal frontend; when absent a dev server runs under `dataDir`. */
    readonly temporalAddress: string | undefined,
    readonly temporalNamespace: string,
    readonly taskQueue: string,
    readonly devServerPort: number,
    readonly devServerUiPort: number,
    readonly temporalCliPath: string | undefined,
    readonly logLevel: 'error' | 'warn' | 'log' | 'debug',
    readonly tokenKeys: TokenKeysConfig,
    /** How long the API waits on Temporal (a start, an update, a query) before it answers 503 instead of hanging. */
    readonly temporalCallTimeoutMs: number,
    /** Configured payload keys; when absent, one is generated and kept in the data folder. */
    readonly payloadKeys: PayloadKeysConfig | undefined,
    /** Browser origins (the Temporal UI's) that may call the codec endpoint. */
    readonly codecCorsOrigins: readonly string[],
    /** The origin people open Brigade at, without a trailing slash; sign-in redirects come back to it. */
    readonly publicUrl: string,
    /** Who may scrape `/metrics`, and where a worker-only process serves it. */
    readonly metrics: MetricsConfig,
    /** Whether and where OpenTelemetry traces go. */
    readonly tracing: TracingConfig,
    /** The HTTP server's timeouts and allowed Host headers. */
    readonly http: HttpServerConfig,
    /** The owner's login for migrations, beside DATABASE_URL's least-privileged one; when absent, DATABASE_URL migrates. */
    readonly databaseMigrationUrl: string | undefined = undefined,
    /** As root: where the embedded PostgreSQL's binaries and data go when the `postgres` user cannot reach the project's. */
    readonly embeddedPostgresRoot = '/var/lib/brigade',
    /** Who signs the transparency log's checkpoints, how often, and where copies go. */
    readonly transparencyLog: TransparencyLogConfig = {
      origin: DEFAULT_LOG_ORIGIN, signingKeyPem: undefined, publicKeyPem: undefined, checkpointIntervalMs: 120_000, checkpointDir: undefined,
    },
    /** Who signs people in. */
    readonly oidc: OidcConfig = oidcConfig({}, publicUrl),
    /** How long a session in the screens lasts. */
    readonly session: SessionConfig = sessionConfig({}),
    /** How Brigade reaches people by e-mail and text message. */
    readonly notifications: NotificationsConfig = notificationsConfig({}),
    /** Where the data keys that seal sensitive fields live: a folder under `dataDir`, or Vault. */
    readonly keyStore: KeyStoreConfig = { kind: 'folder', dataDir },
    /** The retention schedule (the examples in code, or a file) and when the daily review runs. */
    readonly retention: RetentionConfig = retentionConfig({}, dataDir),
    /** When a workflow whose task keeps failing is reported stuck, and how often the API looks. */
    readonly stuckWorkflows: StuckWorkflowsConfig = stuckWorkflowsConfig({}),
  ) {}

  /** Whether this process serves HTTP. */
  get runsApi(): boolean {
    return this.role === 'all' || this.role === 'api';
  }

  /** Whether this process runs the Temporal worker. */
  get runsWorker(): boolean {
    return this.role === 'all' || this.role === 'worker';
  }
}

/** Reads Brigade's configuration from the environment, failing with a message that names the bad variable. */
export function loadBrigadeConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): BrigadeConfig {
  return new BrigadeConfig(
    oneOf(env, 'BRIGADE_ROLE', RUNTIME_ROLES, 'all'),
    port(env, 'PORT', 3000),
    env.BRIGADE_HTTP_HOST || '127.0.0.1',
    path.resolve(cwd, env.BRIGADE_DATA_DIR || '.data'),
    nonEmpty(env.DATABASE_URL),
    port(env, 'BRIGADE_EMBEDDED_POSTGRES_PORT', 5544),
    nonEmpty(env.TEMPORAL_ADDRESS),
    env.TEMPORAL_NAMESPACE || 'default',
    env.BRIGADE_TASK_QUEUE || 'brigade-cases',
    port(env, 'BRIGADE_TEMPORAL_DEV_PORT', 7233),
    port(env, 'BRIGADE_TEMPORAL_UI_PORT', 8233),
    nonEmpty(env.TEMPORAL_CLI_PATH),
    oneOf(env, 'BRIGADE_LOG_LEVEL', ['error', 'warn', 'log', 'debug'] as const, 'log'),
    tokenKeys(env),
    durationMs(env, 'BRIGADE_TEMPORAL_CALL_TIMEOUT', '15s'),
    payloadKeys(env),
    codecCorsOrigins(env, port(env, 'BRIGADE_TEMPORAL_UI_PORT', 8233)),
    publicUrl(env),
    metricsConfig(env),
    tracingConfig(env),
    httpServerConfig(env),
    databaseMigrationUrl(env),
    absolutePath(env, 'BRIGADE_EMBEDDED_POSTGRES_ROOT', '/var/lib/brigade'),
    transparencyLogConfig(env, cwd),
    oidcConfig(env, publicUrl(env)),
    sessionConfig(env),
    notificationsConfig(env),
    keyStoreConfig(env, path.resolve(cwd, env.BRIGADE_DATA_DIR || '.data')),
    retentionConfig(env, cwd),
    stuckWorkflowsConfig(env),
  );
}

function publicUrl(env: NodeJS.ProcessEnv): string {
  const raw = nonEmpty(env.BRIGADE_PUBLIC_URL) ?? `http://127.0.0.1:${port(env, 'PORT', 3000)}`;
  return originOf('BRIGADE_PUBLIC_URL', raw, 'https://brigade.example.nl');
}

function oidcConfig(env: NodeJS.ProcessEnv, origin: string): OidcConfig {
  const issuer = nonEmpty(env.BRIGADE_OIDC_ISSUER);
  const clientId = nonEmpty(env.BRIGADE_OIDC_CLIENT_ID) ?? 'brigade-screens';
  const clientSecret = nonEmpty(env.BRIGADE_OIDC_CLIENT_SECRET);
  if (issuer !== undefined) {
    if (!/^https?:\/\/[^/]/.test(issuer)) throw new ConfigError(`BRIGADE_OIDC_ISSUER must be the provider's issuer URL such as https://login.example.nl/realms/brigade, got "${issuer}"`);
    if (clientSecret === undefined) throw new ConfigError('BRIGADE_OIDC_CLIENT_SECRET must be set beside BRIGADE_OIDC_ISSUER (the secret of the client registered for Brigade)');
  }
  return {
    issuer: issuer?.replace(/\/+$/, '') ?? `${origin}/oidc`,
    embedded: issuer === undefined,
    clientId,
    clientSecret,
    audience: nonEmpty(env.BRIGADE_OIDC_AUDIENCE) ?? 'brigade-api',
    roleClaim: nonEmpty(env.BRIGADE_OIDC_ROLE_CLAIM) ?? 'brigade_role',
    roleMap: roleMap(env),
    requiredAmr: list(env.BRIGADE_OIDC_REQUIRE_AMR),
    requiredAcr: list(env.BRIGADE_OIDC_REQUIRE_ACR),
    maxAuthAgeSeconds: nonEmpty(env.BRIGADE_OIDC_MAX_AUTH_AGE) === '0' || nonEmpty(env.BRIGADE_OIDC_MAX_AUTH_AGE) === undefined
      ? 0 : durationMs(env, 'BRIGADE_OIDC_MAX_AUTH_AGE', '0s') / 1000,
  };
}

// BRIGADE_OIDC_ROLE_MAP is `role=value,role=value`: a group or claim value the provider sends, per Brigade role.
function roleMap(env: NodeJS.ProcessEnv): Readonly<Record<string, UserRole>> {
  const map: Record<string, UserRole> = {};
  for (const entry of list(env.BRIGADE_OIDC_ROLE_MAP)) {
    const at = entry.indexOf('=');
    const role = entry.slice(0, at);
    const value = entry.slice(at + 1);
    if (at <= 0 || value === '' || !isUserRole(role)) {
      throw new ConfigError(`BRIGADE_OIDC_ROLE_MAP must be role=value pairs such as coordinator=brigade-coordinators,expert=brigade-experts, got "${entry}"`);
    }
    if (map[value] !== undefined && map[value] !== role) throw new ConfigError(`BRIGADE_OIDC_ROLE_MAP gives the value "${value}" two roles`);
    map[value] = role;
  }
  return map;
}

function sessionConfig(env: NodeJS.ProcessEnv): SessionConfig {
  const idleTimeoutMs = durationMs(env, 'BRIGADE_SESSION_IDLE_TIMEOUT', '30m');
  const maxAgeMs = durationMs(env, 'BRIGADE_SESSION_MAX_AGE', '10h');
  if (idleTimeoutMs > maxAgeMs) throw new ConfigError('BRIGADE_SESSION_IDLE_TIMEOUT must not be longer than BRIGADE_SESSION_MAX_AGE');
  return { idleTimeoutMs, maxAgeMs };
}

function list(raw: string | undefined): string[] {
  return (nonEmpty(raw) ?? '').split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
}

function originOf(name: string, raw: string, example: string): string {
  let parsed: URL | undefined;
  try {
    parsed = new URL(raw);
  } catch {
    parsed = undefined;
  }
  if (!parsed || !['http:', 'https:'].includes(parsed.protocol) || (parsed.pathname !== '/' && parsed.pathname !== '') || parsed.search || parsed.hash) {
    throw new ConfigError(`${name} must be an origin such as ${example} (scheme, host, port; no path), got "${raw}"`);
  }
  return parsed.origin;
}

/** The origin line of checkpoints when none is configured. */
export const DEFAULT_LOG_ORIGIN = 'brigade.local/case-events';

// A C2SP origin is a schema-less URL-like name; it also names the signing key, which may hold neither spaces nor "+".
const LOG_ORIGIN = /^[a-z0-9][a-z0-9.-]*(?::[0-9]{1,5})?(?:\/[A-Za-z0-9._~-]+)*$/;

function transparencyLogConfig(env: NodeJS.ProcessEnv, cwd: string): TransparencyLogConfig {
  const origin = nonEmpty(env.BRIGADE_LOG_ORIGIN) ?? DEFAULT_LOG_ORIGIN;
  if (!LOG_ORIGIN.test(origin)) throw new ConfigError(`BRIGADE_LOG_ORIGIN must be a name such as ${DEFAULT_LOG_ORIGIN}, got "${origin}"`);
  const checkpointDir = nonEmpty(env.BRIGADE_CHECKPOINT_DIR);
  return {
    origin,
    signingKeyPem: pemText(env, 'BRIGADE_LOG_SIGNING_KEY', 'PRIVATE KEY'),
    publicKeyPem: pemText(env, 'BRIGADE_LOG_PUBLIC_KEY', 'PUBLIC KEY'),
    checkpointIntervalMs: durationMs(env, 'BRIGADE_CHECKPOINT_INTERVAL', '2m'),
    checkpointDir: checkpointDir === undefined ? undefined : path.resolve(cwd, checkpointDir),
  };
}

function pemText(env: NodeJS.ProcessEnv, name: string, label: string): string | undefined {
  const raw = nonEmpty(env[name]);
  if (raw === undefined) return undefined;
  // Environment files often carry a PEM on one line with literal \n; both forms are accepted.
  const pem = raw.replace(/\\n/g, '\n');
  if (!pem.includes(`-----BEGIN ${label}-----`)) throw new ConfigError(`${name} must be a PEM block starting with -----BEGIN ${label}-----`);
  return pem;
}

function absolutePath(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const raw = nonEmpty(env[name]) ?? fallback;
  if (!path.isAbsolute(raw)) throw new ConfigError(`${name} must be an absolute path, got "${raw}"`);
  return raw;
}

function databaseMigrationUrl(env: NodeJS.ProcessEnv): string | undefined {
  const url = nonEmpty(env.DATABASE_MIGRATION_URL);
  if (url === undefined) return undefined;
  if (nonEmpty(env.DATABASE_URL) === undefined) {
    throw new ConfigError('DATABASE_MIGRATION_URL needs DATABASE_URL beside it: the embedded PostgreSQL makes both logins itself');
  }
  for (const name of ['DATABASE_URL', 'DATABASE_MIGRATION_URL']) {
    if (!/^postgres(ql)?:\/\/[^/]/.test(nonEmpty(env[name])!)) throw new ConfigError(`${name} must be a postgres:// URL such as postgres://brigade_app:secret@db:5432/brigade`);
  }
  if (new URL(url).username === new URL(nonEmpty(env.DATABASE_URL)!).username) {
    throw new ConfigError('DATABASE_MIGRATION_URL must name the owner\'s login, not the same login as DATABASE_URL (see docs/database-security.md)');
  }
  return url;
}

function httpServerConfig(env: NodeJS.ProcessEnv): HttpServerConfig {
  const headersTimeoutMs = durationMs(env, 'BRIGADE_HTTP_HEADERS_TIMEOUT', '10s');
  const requestTimeoutMs = durationMs(env, 'BRIGADE_HTTP_REQUEST_TIMEOUT', '30s');
  // Node refuses to create a server whose headers may take longer than the whole request.
  if (headersTimeoutMs > requestTimeoutMs) throw new ConfigError('BRIGADE_HTTP_HEADERS_TIMEOUT must not be longer than BRIGADE_HTTP_REQUEST_TIMEOUT');
  return { allowedHosts: allowedHosts(env), headersTimeoutMs, requestTimeoutMs, keepAliveTimeoutMs: durationMs(env, 'BRIGADE_HTTP_KEEP_ALIVE_TIMEOUT', '5s') };
}

// A host name or IPv4 address, or an IPv6 address in brackets, each with an optional port: what a Host header holds.
const HOST_ENTRY = /^(?:[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?|\[[0-9a-f:.]+\])(?::[0-9]{1,5})?$/;

// BRIGADE_ALLOWED_HOSTS is `name[:port],name[:port]`, or `*` for a proxy in front that checks Host itself.
function allowedHosts(env: NodeJS.ProcessEnv): readonly string[] | undefined {
  const raw = nonEmpty(env.BRIGADE_ALLOWED_HOSTS);
  if (raw === undefined) return undefined;
  const hosts = raw.split(',').map((entry) => entry.trim().toLowerCase());
  if (hosts.includes('*')) {
    if (hosts.length > 1) throw new ConfigError('BRIGADE_ALLOWED_HOSTS must be either * or a list of hosts, not both');
    return hosts;
  }
  const bad = hosts.find((host) => !HOST_ENTRY.test(host));
  if (bad !== undefined) {
    throw new ConfigError(`BRIGADE_ALLOWED_HOSTS must list Host values such as brigade.example.nl or 127.0.0.1:3000 (no scheme, no path), got "${bad}"`);
  }
  return hosts;
}

function metricsConfig(env: NodeJS.ProcessEnv): MetricsConfig {
  const token = nonEmpty(env.BRIGADE_METRICS_TOKEN);
  if (token !== undefined && Buffer.byteLength(token) < 16) throw new ConfigError('BRIGADE_METRICS_TOKEN must be at least 16 bytes long');
  const address = nonEmpty(env.BRIGADE_WORKER_METRICS_ADDRESS);
  return { token, workerAddress: address === undefined ? undefined : listenAddress('BRIGADE_WORKER_METRICS_ADDRESS', address) };
}

function listenAddress(name: string, raw: string): ListenAddress {
  const at = raw.lastIndexOf(':');
  const host = raw.slice(0, at).replace(/^\[(.*)\]$/, '$1');
  if (at <= 0 || host === '') throw new ConfigError(`${name} must be host:port, such as 0.0.0.0:9464, got "${raw}"`);
  return { host, port: port({ [name]: raw.slice(at + 1) }, name, 0) };
}

function tracingConfig(env: NodeJS.ProcessEnv): TracingConfig {
  const mode = oneOf(env, 'BRIGADE_TRACING', TRACING_MODES, 'off');
  const endpoint = nonEmpty(env.OTEL_EXPORTER_OTLP_ENDPOINT) ?? 'http://localhost:4318';
  if (!/^https?:\/\/[^/]/.test(endpoint)) throw new ConfigError(`OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s) URL such as http://collector:4318, got "${endpoint}"`);
  // OTLP/HTTP puts each signal under its own path below the endpoint.
  return { mode, otlpTracesUrl: `${endpoint.replace(/\/+$/, '')}/v1/traces`, serviceName: nonEmpty(env.OTEL_SERVICE_NAME) ?? 'brigade' };
}

function tokenKeys(env: NodeJS.ProcessEnv): TokenKeysConfig {
  const secret = nonEmpty(env.BRIGADE_JWT_SECRET);
  const publicKey = pem(env, 'BRIGADE_JWT_PUBLIC_KEY');
  const privateKey = pem(env, 'BRIGADE_JWT_PRIVATE_KEY');
  if (secret && publicKey) throw new ConfigError('set either BRIGADE_JWT_SECRET or BRIGADE_JWT_PUBLIC_KEY, not both');
  if (secret && Buffer.byteLength(secret) < 32) throw new ConfigError('BRIGADE_JWT_SECRET must be at least 32 bytes long');
  if (privateKey && !publicKey) throw new ConfigError('BRIGADE_JWT_PRIVATE_KEY needs BRIGADE_JWT_PUBLIC_KEY beside it');
  const tokenTtl = nonEmpty(env.BRIGADE_TOKEN_TTL) ?? '8h';
  if (!isDuration(tokenTtl)) throw new ConfigError(`BRIGADE_TOKEN_TTL must be a duration such as 30m, 8h or 7d, got "${tokenTtl}"`);
  const maxTokenTtlSeconds = durationMs(env, 'BRIGADE_TOKEN_MAX_TTL', '12h') / 1000;
  if (durationSeconds(tokenTtl) > maxTokenTtlSeconds) throw new ConfigError(`BRIGADE_TOKEN_TTL ${tokenTtl} is longer than BRIGADE_TOKEN_MAX_TTL allows`);
  return { secret, publicKey, privateKey, tokenTtl, maxTokenTtlSeconds };
}

// BRIGADE_PAYLOAD_KEYS is `id:base64key,id:base64key`; BRIGADE_PAYLOAD_KEY_ID names the one that encrypts.
function payloadKeys(env: NodeJS.ProcessEnv): PayloadKeysConfig | undefined {
  const list = nonEmpty(env.BRIGADE_PAYLOAD_KEYS);
  const activeKeyId = nonEmpty(env.BRIGADE_PAYLOAD_KEY_ID);
  if (list === undefined) {
    if (activeKeyId !== undefined) throw new ConfigError('BRIGADE_PAYLOAD_KEY_ID needs BRIGADE_PAYLOAD_KEYS beside it');
    return undefined;
  }
  const keys = list.split(',').map((entry) => payloadKey(entry.trim()));
  const duplicate = keys.find((key, index) => keys.findIndex((other) => other.id === key.id) !== index);
  if (duplicate) throw new ConfigError(`BRIGADE_PAYLOAD_KEYS names the key id "${duplicate.id}" twice`);
  if (activeKeyId === undefined && keys.length > 1) {
    throw new ConfigError('BRIGADE_PAYLOAD_KEY_ID must name the key that encrypts when BRIGADE_PAYLOAD_KEYS holds several');
  }
  const active = activeKeyId ?? keys[0].id;
  if (!keys.some((key) => key.id === active)) {
    throw new ConfigError(`BRIGADE_PAYLOAD_KEY_ID "${active}" is not one of the ids in BRIGADE_PAYLOAD_KEYS (${keys.map((key) => key.id).join(', ')})`);
  }
  return { activeKeyId: active, keys };
}

function payloadKey(entry: string): PayloadKey {
  const at = entry.indexOf(':');
  const id = entry.slice(0, at);
  const encoded = entry.slice(at + 1);
  if (at < 0 || !isPayloadKeyId(id)) {
    throw new ConfigError(`BRIGADE_PAYLOAD_KEYS entries must be id:base64key with an id of letters, digits, ".", "_" or "-", got "${at < 0 ? '<no id>' : id}"`);
  }
  const key = Buffer.from(encoded, 'base64');
  // Buffer.from skips characters that are not base64, so the round trip catches a mangled key.
  if (key.length !== 32 || key.toString('base64').replace(/=+$/, '') !== encoded.replace(/=+$/, '')) {
    throw new ConfigError(`BRIGADE_PAYLOAD_KEYS key "${id}" must be 32 bytes in base64, e.g. openssl rand -base64 32`);
  }
  return { id, key };
}

/** Whether a text can name a payload key: 1 to 64 letters, digits, dots, underscores or dashes. */
export function isPayloadKeyId(value: string): boolean {
  return /^[A-Za-z0-9._-]{1,64}$/.test(value);
}

function codecCorsOrigins(env: NodeJS.ProcessEnv, uiPort: number): readonly string[] {
  const raw = nonEmpty(env.BRIGADE_CODEC_CORS_ORIGINS);
  // By default the embedded dev server's web UI, under both names a browser may use for it.
  if (raw === undefined) return [`http://127.0.0.1:${uiPort}`, `http://localhost:${uiPort}`];
  return raw.split(',').map((origin) => {
    const trimmed = origin.trim();
    let parsed: URL | undefined;
    try {
      parsed = new URL(trimmed);
    } catch {
      parsed = undefined;
    }
    if (!parsed || !['http:', 'https:'].includes(parsed.protocol) || parsed.origin !== trimmed) {
      throw new ConfigError(`BRIGADE_CODEC_CORS_ORIGINS must list origins such as http://localhost:8080 (scheme, host, port; no path), got "${trimmed}"`);
    }
    return trimmed;
  });
}

function pem(env: NodeJS.ProcessEnv, name: string): string | undefined {
  // Keys often arrive through env files with escaped newlines.
  const value = nonEmpty(env[name])?.replace(/\\n/g, '\n');
  if (value !== undefined && !value.includes('-----BEGIN ')) throw new ConfigError(`${name} must be a PEM key ("-----BEGIN ...")`);
  return value;
}
