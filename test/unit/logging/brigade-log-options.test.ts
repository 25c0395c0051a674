import { createServer } from 'node:http';
import { Writable } from 'node:stream';
import pino from 'pino';
import { pinoHttp, type Options } from 'pino-http';
import request from 'supertest';
import { caseEvent } from '../../../src/domain/case.events';
import { REDACTED } from '../../../src/domain/sensitive-fields';
import { brigadeLogParams, brigadeLoggerOptions, withoutCredentials } from '../../../src/logging/brigade-log-options';
import { COORDINATOR, aSupportRequest } from '../../support/case-fixtures';

const MARKER = 'canary-7f3c1e';

/** A destination that keeps every line the logger writes. */
function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  return { stream, lines, text: () => lines.join('\n') };
}

describe("Brigade's logger", () => {
  const supportRequest = aSupportRequest({
    description: `threats ${MARKER}`,
    officeHolder: { name: `J. de Boer ${MARKER}`, office: `wethouder ${MARKER}`, details: `children ${MARKER}` },
  });

  it.each([
    ['a support request', { request: supportRequest }],
    ['a RequestReceived event', { event: caseEvent('RequestReceived', { request: supportRequest }, COORDINATOR, '2027-03-01T09:00:00.000Z') }],
    ["a workflow's input", { input: { request: supportRequest, registeredBy: COORDINATOR } }],
    ["an event's data", { data: { taskId: 'task-1', outcome: MARKER } }],
    ['a concern', { event: { data: { expertId: 'e-1', concern: MARKER } } }],
    ['a case state', { state: { riskReasons: [MARKER], tasks: [{ taskId: 'task-1', outcome: MARKER }], intervention: { notes: MARKER }, evaluation: MARKER } }],
    ['a live and a recorded state', { recorded: { cancellationReason: MARKER }, live: { openEscalations: [{ reason: MARKER }] } }],
    ['a free-text field on its own', { reason: MARKER, notes: MARKER, summary: MARKER }],
    ['a request body', { body: { description: MARKER, officeHolder: { name: MARKER } } }],
    ['a bearer token', { req: { headers: { authorization: `Bearer ${MARKER}` } } }],
  ])('redacts every sensitive field of %s', (_what, fields) => {
    const output = capture();
    const sut = pino(brigadeLoggerOptions('debug'), output.stream);

    sut.info(fields, 'logged by mistake');

    expect(output.text()).not.toContain(MARKER);
    expect(output.text()).toContain(REDACTED);
  });

  it('logs an error as its kind, message and stack, without properties such as a query\'s parameters', () => {
    const output = capture();
    const sut = pino(brigadeLoggerOptions('log'), output.stream);
    const failure = Object.assign(new Error('duplicate key value violates unique constraint'), { parameters: [MARKER], query: 'INSERT' });

    sut.error({ err: failure }, 'append failed');

    const line = JSON.parse(output.lines[0]);
    expect(line.err).toEqual({ type: 'Error', message: failure.message, stack: failure.stack });
    expect(output.text()).not.toContain(MARKER);
  });

  it.each([
    ['log', ['info', 'warn'], ['debug']],
    ['debug', ['debug', 'info', 'warn'], []],
    ['warn', ['warn'], ['debug', 'info']],
  ] as const)('writes JSON lines at BRIGADE_LOG_LEVEL=%s with the level by name', (level, shown, hidden) => {
    const output = capture();
    const sut = pino(brigadeLoggerOptions(level), output.stream);

    for (const method of ['debug', 'info', 'warn'] as const) sut[method](`a ${method} line`);

    const lines = output.lines.map((line) => JSON.parse(line));
    expect(lines.map((line) => line.level)).toEqual(shown);
    expect(lines.map((line) => line.msg)).toEqual(shown.map((method) => `a ${method} line`));
    expect(hidden.every((method) => !output.text().includes(`a ${method} line`))).toBe(true);
  });

  describe('on an HTTP request', () => {
    async function logOne(status: number) {
      const output = capture();
      const middleware = pinoHttp(brigadeLogParams('log').pinoHttp as Options, output.stream);
      const server = createServer((req, res) => middleware(req, res, () => {
        res.statusCode = status;
        res.setHeader('Set-Cookie', `session=${MARKER}`);
        res.end('{}');
      }));
      await request(server).post(`/cases?municipality=Houten`).set('Authorization', `Bearer ${MARKER}`).set('Cookie', `c=${MARKER}`)
        .send({ description: MARKER, officeHolder: { name: MARKER } });
      return output;
    }

    it('writes one line naming the method, path, status and time, and never the body or headers', async () => {
      const output = await logOne(201);

      expect(output.lines).toHaveLength(1);
      const line = JSON.parse(output.lines[0]);
      expect(line).toMatchObject({ level: 'info', req: { method: 'POST', url: '/cases?municipality=Houten' }, res: { statusCode: 201 } });
      expect(line.msg).toMatch(/^POST \/cases\?municipality=Houten 201 in \d+ ms$/);
      expect(Object.keys(line.req).sort()).toEqual(['id', 'method', 'url']);
      expect(output.text()).not.toContain(MARKER);
      expect(output.text().toLowerCase()).not.toContain('authorization');
    });

    it('logs a refused request as a warning and a failed one as an error', async () => {
      expect(JSON.parse((await logOne(400)).lines[0]).level).toBe('warn');
      expect(JSON.parse((await logOne(503)).lines[0]).level).toBe('error');
    });
  });
});

describe('the access lines and the request lines of signing in', () => {
  it('keep the cause, route and subject of an access event readable: none of them is a sensitive field', () => {
    const { stream, lines } = capture();
    pino(brigadeLoggerOptions('log'), stream).info({ access: 'sign_in_refused', cause: 'attempt_mismatch', detail: 'GET /me', subject: 'demo-coordinator', via: 'bearer' });
    expect(JSON.parse(lines[0])).toMatchObject({ cause: 'attempt_mismatch', detail: 'GET /me', subject: 'demo-coordinator', via: 'bearer' });
  });

  it('write the way back from a sign-in without its code or state, and a sign-out without its ID token', () => {
    expect(withoutCredentials('/auth/callback?code=FBzv--vInF&state=slsy&iss=http%3A%2F%2Fx')).toBe('/auth/callback?code=[redacted]&state=[redacted]&iss=http%3A%2F%2Fx');
    expect(withoutCredentials('/oidc/session/end?id_token_hint=eyJ.a.b&post_logout_redirect_uri=x')).toBe('/oidc/session/end?id_token_hint=[redacted]&post_logout_redirect_uri=x');
    expect(withoutCredentials('/cases?stage=Triage&page=2')).toBe('/cases?stage=Triage&page=2');
  });
});
