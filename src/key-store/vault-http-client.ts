import { KeyStorePermissionError, KeyStoreUnavailableError } from './key-store.errors';

/** Where Vault is and how Brigade signs in to it. */
export interface VaultConnection {
  /** Without a trailing slash, such as https://vault.example.nl:8200. */
  readonly address: string;
  readonly token: string;
  readonly timeoutMs: number;
}

/** Vault's answer to one request: its status and JSON body (undefined for 204 and empty bodies). */
export interface VaultAnswer {
  readonly status: number;
  readonly body: { readonly data?: Record<string, unknown>; readonly errors?: readonly string[] } | undefined;
}

/**
 * Vault's HTTP API (`/v1/...`) with the token in `X-Vault-Token`. What no caller can act on is turned into the key
 * store's errors here: no answer, a timeout or a 5xx (sealed, standby, overloaded) is unavailability, a 403 a missing
 * permission. Other answers go back to the caller. No message ever carries the token.
 */
export class VaultHttpClient {
  constructor(private readonly connection: VaultConnection) {}

  /** Sends one request to `/v1/<path>` and answers Vault's status and body. */
  async request(method: 'GET' | 'POST' | 'DELETE', path: string, body?: Record<string, unknown>): Promise<VaultAnswer> {
    let response: Response;
    try {
      response = await fetch(`${this.connection.address}/v1/${path}`, {
        method,
        headers: { 'X-Vault-Token': this.connection.token, 'X-Vault-Request': 'true', ...(body ? { 'Content-Type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(this.connection.timeoutMs),
        redirect: 'error',
      });
    } catch (error) {
      throw new KeyStoreUnavailableError(this.connection.address, `${method} /v1/${path} got no answer (${reasonOf(error, this.connection.timeoutMs)})`);
    }
    const text = await response.text().catch(() => '');
    const parsed = parseBody(text);
    if (response.status === 403) throw new KeyStorePermissionError(this.connection.address, `${method} /v1/${path}`);
    if (response.status >= 500 || response.status === 429) {
      throw new KeyStoreUnavailableError(this.connection.address, `${method} /v1/${path} answered ${response.status}${errorsOf(parsed)}`);
    }
    return { status: response.status, body: parsed };
  }

  /** An error for an answer the caller did not expect, with Vault's own error messages. */
  unexpected(method: string, path: string, answer: VaultAnswer): Error {
    return new Error(`Vault at ${this.connection.address} answered ${method} /v1/${path} with ${answer.status}${errorsOf(answer.body)}`);
  }
}

function parseBody(text: string): VaultAnswer['body'] {
  if (text.trim() === '') return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? (parsed as VaultAnswer['body']) : undefined;
  } catch {
    return undefined;
  }
}

function errorsOf(body: VaultAnswer['body']): string {
  const errors = Array.isArray(body?.errors) ? body.errors.filter((entry) => typeof entry === 'string' && entry.trim() !== '') : [];
  return errors.length === 0 ? '' : `: ${errors.join('; ').replace(/\s+/g, ' ').trim()}`;
}

// fetch reports a refused connection as "fetch failed" with the system error as its cause.
function reasonOf(error: unknown, timeoutMs: number): string {
  if ((error as { name?: unknown })?.name === 'TimeoutError') return `timed out after ${timeoutMs} ms`;
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}
