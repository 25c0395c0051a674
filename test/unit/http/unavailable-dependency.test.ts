import { ServiceError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { DatabaseError } from 'pg';
import { QueryFailedError } from 'typeorm';
import { UNAVAILABLE_REASONS, unavailableDependency } from '../../../src/http/unavailable-dependency';

/** An error shaped as @grpc/grpc-js raises it: a status code, its details and the response metadata. */
function grpcError(code: number, details: string): Error {
  return Object.assign(new Error(`${code} ${details}`), { code, details, metadata: {} });
}

function postgresError(code: string, message: string): DatabaseError {
  return Object.assign(new DatabaseError(message, 0, 'error'), { code });
}

function socketError(code: string): Error {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code, syscall: 'connect' });
}

describe('unavailableDependency', () => {
  it.each([
    ['a refused connection to PostgreSQL', socketError('ECONNREFUSED')],
    ['a connection reset by PostgreSQL', socketError('ECONNRESET')],
    ['a session ended by a server shutdown, inside a TypeORM query error', new QueryFailedError('SELECT 1', [], postgresError('57P01', 'terminating connection due to administrator command'))],
    ['a server that is still starting up', postgresError('57P03', 'the database system is starting up')],
    ['a server with no connections left', postgresError('53300', 'sorry, too many clients already')],
    ['a statement cancelled at its timeout', postgresError('57014', 'canceling statement due to statement timeout')],
    ['a connection exception', postgresError('08006', 'connection failure')],
    ['a connection that dropped', new QueryFailedError('SELECT 1', [], new Error('Connection terminated unexpectedly'))],
    ['no pooled connection in time', new Error('timeout exceeded when trying to connect')],
    ['no connection in time', new Error('timeout expired')],
  ])('names the database for %s', (_name, error) => {
    expect(unavailableDependency(error)).toBe(UNAVAILABLE_REASONS.database);
  });

  it.each([
    ['an unreachable frontend, as the client wraps it', new ServiceError('Failed to query Workflow', { cause: grpcError(14, 'No connection established') })],
    ['an unreachable frontend, bare', grpcError(14, 'Connection dropped')],
  ])('names Temporal for %s', (_name, error) => {
    expect(unavailableDependency(error)).toBe(UNAVAILABLE_REASONS.temporal);
  });

  it('says Temporal is busy when it refuses more work for now', () => {
    const busy = new ServiceError('Failed to query Workflow', { cause: grpcError(8, 'consistent query buffer is full, cannot accept new consistent queries') });

    expect(unavailableDependency(busy)).toBe(UNAVAILABLE_REASONS.temporalBusy);
  });

  it.each([
    ['an update that outlived its deadline', new WorkflowUpdateRPCTimeoutOrCancelledError('Workflow update call timeout or cancelled', { cause: grpcError(4, 'Deadline exceeded') })],
    ['a query that outlived its deadline', new ServiceError('Failed to query Workflow', { cause: grpcError(4, 'Deadline exceeded') })],
  ])('says the workflow did not answer in time for %s', (_name, error) => {
    expect(unavailableDependency(error)).toBe(UNAVAILABLE_REASONS.temporalTimeout);
  });

  it.each([
    ['a unique violation', new QueryFailedError('INSERT', [], postgresError('23505', 'duplicate key value violates unique constraint'))],
    ['a syntax error', postgresError('42601', 'syntax error at or near "SELEC"')],
    ['a Temporal refusal that is not an outage', new ServiceError('Failed to start', { cause: grpcError(3, 'invalid argument') })],
    ['a failed precondition outside an update', new ServiceError('Failed to start', { cause: grpcError(9, 'namespace is not active') })],
    ['a Temporal answer carrying a socket error further down', Object.assign(grpcError(9, 'failed precondition'), { cause: socketError('ECONNREFUSED') })],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'stage')")],
    ['a thrown string', 'boom'],
    ['nothing', undefined],
  ])('leaves %s to be a server error', (_name, error) => {
    expect(unavailableDependency(error)).toBeUndefined();
  });
});
