import { createCipheriv, createDecipheriv, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the server received it, for assertions. */
export interface VaultApiRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Record<string, unknown> | undefined;
}

interface TransitKey {
  readonly key: Buffer;
  readonly createdAt: number;
  deletionAllowed: boolean;
}

interface KvVersion {
  readonly data: Record<string, unknown>;
  readonly createdTime: string;
}

type Answer = { status: number; body?: Record<string, unknown> };

/**
 * A local stand-in for the subset of HashiCorp Vault's HTTP API the Vault key store uses: the transit engine (create,
 * read, configure and delete keys; generate data keys; decrypt) and a KV version 2 engine (read and write with
 * check-and-set), each at its own mount, with the shapes and status codes Vault documents. The token goes in
 * `X-Vault-Token`; a wrong one, or a path the test denies, answers 403 as Vault does. Failures and delays on demand.
 */
export class VaultApiServer {
  readonly token = `hvs.${randomBytes(18).toString('base64url')}`;
  readonly requests: VaultApiRequest[] = [];
  readonly transitKeys = new Map<string, TransitKey>();
  readonly kv = new Map<string, KvVersion[]>();
  private readonly denied: string[] = [];
  private failures: Answer[] = [];
  private delayMs = 0;
  private server?: Server;

  constructor(readonly transitMount = 'transit', readonly kvMount = 'secret') {}

  /** Starts a server on a free loopback port. */
  static async start(transitMount?: string, kvMount?: string): Promise<VaultApiServer> {
    const api = new VaultApiServer(transitMount, kvMount);
    api.server = createServer((request, response) => void api.handle(request, response));
    await new Promise<void>((resolve) => api.server?.listen(0, '127.0.0.1', resolve));
    return api;
  }

  get address(): string {
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}`;
  }

  /** Answers 403 to every request whose path (after `/v1/`) starts with this, as a policy without the capability would. */
  deny(pathPrefix: string): void {
    this.denied.push(pathPrefix);
  }

  /** Lifts every denial. */
  allowAll(): void {
    this.denied.length = 0;
  }

  /** Answers the next `times` requests with this status, as Vault does when sealed (503) or failing (500). */
  failNext(status: number, times = 1, errors = status === 503 ? ['Vault is sealed'] : ['internal error']): void {
    this.failures.push(...Array.from({ length: times }, () => ({ status, body: { errors } })));
  }

  /** Holds every answer back this long. */
  delayAnswers(ms: number): void {
    this.delayMs = ms;
  }

  /** The current data of a KV entry, or undefined. */
  kvData(path: string): Record<string, unknown> | undefined {
    return this.kv.get(path)?.at(-1)?.data;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const path = (request.url ?? '').replace(/^\/v1\//, '');
    const body = text === '' ? undefined : (JSON.parse(text) as Record<string, unknown>);
    this.requests.push({ method: request.method ?? '', path, headers: request.headers, body });
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    const answer = this.answer(request.method ?? '', path, request.headers, body);
    if (response.destroyed) return;
    response.writeHead(answer.status, answer.body ? { 'Content-Type': 'application/json' } : {});
    response.end(answer.body ? JSON.stringify(answer.body) : undefined);
  }

  private answer(method: string, path: string, headers: IncomingHttpHeaders, body: Record<string, unknown> | undefined): Answer {
    const failure = this.failures.shift();
    if (failure) return failure;
    if (headers['x-vault-token'] !== this.token || this.denied.some((prefix) => path.startsWith(prefix))) {
      return { status: 403, body: { errors: ['1 error occurred:\n\t* permission denied\n\n'] } };
    }
    if (path.startsWith(`${this.transitMount}/`)) return this.transit(method, path.slice(this.transitMount.length + 1), body ?? {});
    if (path.startsWith(`${this.kvMount}/data/`)) return this.kvData2(method, path.slice(this.kvMount.length + 6), body ?? {});
    return { status: 404, body: { errors: [`no handler for route "${path}". route entry not found.`] } };
  }

  private transit(method: string, path: string, body: Record<string, unknown>): Answer {
    const [endpoint, ...rest] = path.split('/');
    if (endpoint === 'keys') return this.transitKeyRoute(method, rest, body);
    if (method === 'POST' && endpoint === 'datakey' && rest.length === 2) return this.dataKey(rest[0], rest[1], body);
    if (method === 'POST' && endpoint === 'decrypt' && rest.length === 1) return this.decrypt(rest[0], body);
    return unsupported(method, path);
  }

  private transitKeyRoute(method: string, [name, sub]: string[], body: Record<string, unknown>): Answer {
    const key = this.transitKeys.get(name);
    if (sub === 'config' && method === 'POST') {
      if (!key) return invalid(`no existing key named ${name} could be found`);
      if (typeof body.deletion_allowed === 'boolean') key.deletionAllowed = body.deletion_allowed;
      return ok(keyInfo(name, key));
    }
    if (sub !== undefined) return unsupported(method, `keys/${name}/${sub}`);
    if (method === 'GET') return key ? ok(keyInfo(name, key)) : { status: 404, body: { errors: [] } };
    if (method === 'POST') {
      if ((body.type ?? 'aes256-gcm96') !== 'aes256-gcm96') return invalid(`unknown key type: ${String(body.type)}`);
      const created = key ?? { key: randomBytes(32), createdAt: Math.floor(Date.now() / 1000), deletionAllowed: false };
      this.transitKeys.set(name, created);
      return ok(keyInfo(name, created));
    }
    if (method === 'DELETE') {
      if (!key) return invalid('could not delete key; not found');
      if (!key.deletionAllowed) return invalid('deletion is not allowed for this key');
      this.transitKeys.delete(name);
      return { status: 204 };
    }
    return unsupported(method, `keys/${name}`);
  }

  private dataKey(type: string, name: string, body: Record<string, unknown>): Answer {
    const key = this.transitKeys.get(name);
    if (!key) return invalid('encryption key not found');
    if (type !== 'plaintext' && type !== 'wrapped') return invalid(`invalid type ${type}`);
    const bits = Number(body.bits ?? 256);
    if (![128, 256, 512].includes(bits)) return invalid(`invalid bits value ${bits}`);
    const plaintext = randomBytes(bits / 8);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key.key, iv);
    const sealed = Buffer.concat([iv, cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
    const data: Record<string, unknown> = { ciphertext: `vault:v1:${sealed.toString('base64')}`, key_version: 1 };
    if (type === 'plaintext') data.plaintext = plaintext.toString('base64');
    return ok(data);
  }

  private decrypt(name: string, body: Record<string, unknown>): Answer {
    const key = this.transitKeys.get(name);
    if (!key) return invalid('encryption key not found');
    const ciphertext = typeof body.ciphertext === 'string' ? body.ciphertext : '';
    if (!ciphertext.startsWith('vault:v1:')) return invalid('invalid ciphertext: no prefix');
    const sealed = Buffer.from(ciphertext.slice(9), 'base64');
    try {
      const decipher = createDecipheriv('aes-256-gcm', key.key, sealed.subarray(0, 12));
      decipher.setAuthTag(sealed.subarray(sealed.length - 16));
      const plain = Buffer.concat([decipher.update(sealed.subarray(12, sealed.length - 16)), decipher.final()]);
      return ok({ plaintext: plain.toString('base64') });
    } catch {
      return invalid('cipher: message authentication failed');
    }
  }

  private kvData2(method: string, path: string, body: Record<string, unknown>): Answer {
    const versions = this.kv.get(path) ?? [];
    if (method === 'GET') {
      const latest = versions.at(-1);
      if (!latest) return { status: 404, body: { errors: [] } };
      return ok({ data: latest.data, metadata: versionMetadata(latest, versions.length) });
    }
    if (method !== 'POST') return unsupported(method, path);
    const cas = (body.options as { cas?: unknown } | undefined)?.cas;
    if (cas !== undefined && Number(cas) !== versions.length) return invalid('check-and-set parameter did not match the current version');
    if (typeof body.data !== 'object' || body.data === null) return invalid('no data provided');
    const version = { data: body.data as Record<string, unknown>, createdTime: new Date().toISOString() };
    this.kv.set(path, [...versions, version]);
    return ok(versionMetadata(version, versions.length + 1));
  }
}

function ok(data: Record<string, unknown>): Answer {
  return { status: 200, body: { request_id: randomUUID(), lease_id: '', renewable: false, lease_duration: 0, data, wrap_info: null, warnings: null, auth: null } };
}

function invalid(message: string): Answer {
  return { status: 400, body: { errors: [message] } };
}

function unsupported(method: string, path: string): Answer {
  return { status: 405, body: { errors: [`unsupported operation ${method} ${path}`] } };
}

function keyInfo(name: string, key: TransitKey): Record<string, unknown> {
  return {
    name, type: 'aes256-gcm96', deletion_allowed: key.deletionAllowed, derived: false, exportable: false, allow_plaintext_backup: false,
    keys: { 1: key.createdAt }, latest_version: 1, min_decryption_version: 1, min_encryption_version: 0,
    supports_encryption: true, supports_decryption: true, supports_derivation: true, supports_signing: false,
  };
}

function versionMetadata(version: KvVersion, number: number): Record<string, unknown> {
  return { created_time: version.createdTime, custom_metadata: null, deletion_time: '', destroyed: false, version: number };
}
