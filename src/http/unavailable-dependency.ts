import { WorkflowUpdateRPCTimeoutOrCancelledError, isGrpcServiceError } from '@temporalio/client';
import type { RefusalCode } from '../i18n/catalogue/codes';
import { KeyStoreUnavailableError } from '../key-store/key-store.errors';

/** The refusal the caller gets when a dependency is down or too slow; each names the dependency. */
export const UNAVAILABLE_REASONS = {
  database: 'database_down',
  temporal: 'temporal_down',
  temporalBusy: 'temporal_busy',
  temporalTimeout: 'temporal_timeout',
  keyStore: 'key_store_down',
} as const satisfies Record<string, RefusalCode>;

// gRPC status codes (grpc.status) that mean the server is away, overloaded, or did not answer before the caller's deadline.
const GRPC_CANCELLED = 1;
const GRPC_DEADLINE_EXCEEDED = 4;
const GRPC_RESOURCE_EXHAUSTED = 8;
const GRPC_UNAVAILABLE = 14;

// Socket errors from the `pg` driver: only PostgreSQL is reached over a plain socket; Temporal's come wrapped in gRPC.
const SOCKET_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
// SQLSTATEs of a server that is going away, starting up, full, or cancelled a statement at its timeout.
const POSTGRES_UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '53300', '57014']);
// What `pg` and `pg-pool` throw when a connection drops or cannot be had in time; they carry no code.
const POSTGRES_CONNECTION_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|timeout expired|Client has encountered a connection error/i;

/**
 * Why a request failed when the fault is a dependency that is down or did not answer in time rather than a bug,
 * as the refusal the caller should get; undefined for every other error.
 */
export function unavailableDependency(error: unknown): RefusalCode | undefined {
  for (const link of causeChain(error)) {
    if (link instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return UNAVAILABLE_REASONS.temporalTimeout;
    // Sealed fields cannot be opened (nor new ones sealed) without it; the data is intact, only its keys are out of reach.
    if (link instanceof KeyStoreUnavailableError) return UNAVAILABLE_REASONS.keyStore;
    if (isGrpcServiceError(link)) {
      if (link.code === GRPC_UNAVAILABLE) return UNAVAILABLE_REASONS.temporal;
      if (link.code === GRPC_DEADLINE_EXCEEDED || link.code === GRPC_CANCELLED) return UNAVAILABLE_REASONS.temporalTimeout;
      // Rate limits, and queries queued behind a workflow task that a restarting worker has not yet picked up.
      if (link.code === GRPC_RESOURCE_EXHAUSTED) return UNAVAILABLE_REASONS.temporalBusy;
      // Any other gRPC status is Temporal's answer, not a PostgreSQL fault further down the chain.
      return undefined;
    }
    if (isPostgresUnavailable(link)) return UNAVAILABLE_REASONS.database;
  }
  return undefined;
}

function isPostgresUnavailable(error: Error): boolean {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (SOCKET_ERRORS.has(code) || POSTGRES_UNAVAILABLE_STATES.has(code) || code.startsWith('08'))) return true;
  return POSTGRES_CONNECTION_MESSAGES.test(error.message);
}

// TypeORM keeps the driver's error in `driverError`; the SDK and pg-pool chain theirs through `cause`.
function causeChain(error: unknown): Error[] {
  const chain: Error[] = [];
  for (let link: unknown = error; isErrorLike(link) && chain.length < 10; ) {
    chain.push(link);
    const { driverError, cause } = link as { driverError?: unknown; cause?: unknown };
    link = isErrorLike(driverError) ? driverError : cause;
  }
  return chain;
}

// By shape rather than `instanceof`: errors raised by Node's own sockets may come from another realm (as under Jest).
function isErrorLike(value: unknown): value is Error {
  return typeof value === 'object' && value !== null && typeof (value as Error).message === 'string' && typeof (value as Error).name === 'string';
}
