import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { SessionModule } from '../../src/auth/session.module';
import { allowCodecCors } from '../../src/codec-server/codec-cors';
import { CodecServerModule } from '../../src/codec-server/codec-server.module';
import { loadBrigadeConfig } from '../../src/config/brigade-config';
import { ExpertsModule } from '../../src/experts/experts.module';
import { OPEN_API_PATH, serveOpenApi } from '../../src/http/open-api';
import { createApiApp, type ApiApp } from '../support/api-app';
import { servedRoutes } from '../support/open-api-coverage';
import { sendRaw, type RawRequest } from '../support/raw-http';
import { exchangeOnSocket } from '../support/raw-socket';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { bearer } from '../support/tokens';

const UI_ORIGIN = 'http://localhost:8233';
// A public page that answers 200 to anyone, to see whether a Host is answered at all.
const PUBLIC_PAGE = `/${OPEN_API_PATH}-json`;
// A change with a valid token, to see that a refused Host records nothing.
const NEW_EXPERT = (email: string) => ({
  method: 'POST', path: '/experts',
  body: JSON.stringify({ name: 'Hanna Host', email, categories: ['INCIDENT'], homeMunicipalityCode: 'GM0363', safetyRegion: 'amsterdam-amstelland', capacity: 2 }),
}) as const;
const JSON_TYPE = { 'Content-Type': 'application/json' };

/** An app with the sign-in, experts and codec routes, the OpenAPI page and the codec's CORS, listening on a loopback port. */
async function listeningApp(db: TestDatabase, env: Record<string, string>): Promise<{ app: ApiApp; port: number; url: string }> {
  const app = await createApiApp(db, {
    imports: [SessionModule, ExpertsModule, CodecServerModule],
    env,
    beforeInit: (nest) => {
      serveOpenApi(nest);
      allowCodecCors(nest, loadBrigadeConfig({}).codecCorsOrigins);
    },
  });
  await app.app.listen(0, '127.0.0.1');
  const { port } = app.app.getHttpServer().address() as AddressInfo;
  return { app, port, url: `http://127.0.0.1:${port}` };
}

describe('the HTTP server facing an outside attacker', () => {
  let db: TestDatabase;
  let app: ApiApp;
  let port: number;
  let url: string;
  const send = (raw: RawRequest) => sendRaw(url, raw);

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app, port, url } = await listeningApp(db, { BRIGADE_HTTP_HEADERS_TIMEOUT: '1s', BRIGADE_HTTP_REQUEST_TIMEOUT: '2s' }));
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  describe('when a page rebinds its own DNS name to this machine', () => {
    it('refuses a change for a Host that is not this machine with 403, recording nothing', async () => {
      const email = `rebind-${randomUUID()}@brigade.test`;
      const response = await send({ ...NEW_EXPERT(email), headers: { ...JSON_TYPE, Host: `attacker.example:${port}`, Authorization: bearer('coordinator', 'c.jansen') } });

      expect(response.status).toBe(403);
      expect(await db.sql('SELECT 1 FROM experts WHERE email = $1', [email])).toHaveLength(0);
      expect(JSON.parse(response.text)).toEqual({
        statusCode: 403, code: 'forbidden', fields: [], reason: { code: 'forbidden', params: {} },
        message: `this server does not answer to the Host "attacker.example:${port}"; BRIGADE_ALLOWED_HOSTS lists the names it does`,
      });
    });

    it('refuses every route, the OpenAPI page and a CORS preflight for a foreign Host, before they run', async () => {
      const routes = servedRoutes(app.app).map((route) => route.split(' ') as [string, string]);
      const requests: RawRequest[] = [
        ...routes.map(([method, template]) => ({ method, path: template.replace(/\{[^}]+\}/g, randomUUID()) })),
        { method: 'GET', path: `/${OPEN_API_PATH}` },
        { method: 'GET', path: `/${OPEN_API_PATH}-json` },
        { method: 'OPTIONS', path: '/codec/decode', headers: { Origin: UI_ORIGIN, 'Access-Control-Request-Method': 'POST' } },
      ];
      expect(routes.length).toBeGreaterThan(8);

      for (const request of requests) {
        const response = await send({ ...request, headers: { ...request.headers, Host: `attacker.example:${port}`, Authorization: bearer('coordinator', 'c.jansen') } });
        expect({ route: `${request.method} ${request.path}`, status: response.status, code: JSON.parse(response.text).code, cors: response.headers['access-control-allow-origin'] })
          .toEqual({ route: `${request.method} ${request.path}`, status: 403, code: 'forbidden', cors: undefined });
      }
    });

    it('refuses a loopback name at another port, a look-alike name, and a bare name on a port other than 80', async () => {
      for (const host of ['localhost:1', '[::1]:1', `localhost.attacker.example:${port}`, '127.0.0.1', `127.0.0.1.nip.io:${port}`]) {
        const response = await send({ method: 'GET', path: PUBLIC_PAGE, headers: { Host: host } });
        expect({ host, status: response.status }).toEqual({ host, status: 403 });
      }
    });

    it('answers this machine by each of its loopback names at its own port, in any case', async () => {
      for (const host of ['localhost', '127.0.0.1', '[::1]', 'LocalHost']) {
        expect((await send({ method: 'GET', path: PUBLIC_PAGE, headers: { Host: `${host}:${port}` } })).status).toBe(200);
      }
    });
  });

  describe('when a request names its Host twice, in its target, or not at all', () => {
    /** Sends one request exactly as written, asking the server to close afterwards, and reads the answer. */
    const exchange = (head: string) => exchangeOnSocket(port, (socket) => socket.write(`${head}\r\nConnection: close\r\n\r\n`));
    const PUBLIC_STATUS = PUBLIC_PAGE;

    it('refuses two Host headers with 400 and the error body, whichever comes first', async () => {
      for (const hosts of [[`127.0.0.1:${port}`, 'evil.com'], ['evil.com', `127.0.0.1:${port}`], [`127.0.0.1:${port}`, `127.0.0.1:${port}`]]) {
        const response = await exchange(`GET ${PUBLIC_STATUS} HTTP/1.1\r\n${hosts.map((host) => `Host: ${host}`).join('\r\n')}`);

        expect({ hosts, status: response.status, body: JSON.parse(response.body), nosniff: response.headers['x-content-type-options'] }).toEqual({
          hosts, status: 400, nosniff: 'nosniff',
          body: { statusCode: 400, code: 'invalid_input', fields: [], reason: { code: 'invalid_input', params: {} }, message: 'the request carries 2 Host headers; send exactly one' },
        });
      }
    });

    it('refuses an absolute-form target whose authority is not this machine with 403, though Host is', async () => {
      for (const target of [`http://evil.com${PUBLIC_STATUS}`, `HTTP://Evil.Com:${port}${PUBLIC_STATUS}`, `http://2130706433:${port}${PUBLIC_STATUS}`, `http://localhost:1${PUBLIC_STATUS}`]) {
        const response = await exchange(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}`);

        expect({ target, status: response.status, code: JSON.parse(response.body).code, nosniff: response.headers['x-content-type-options'] })
          .toEqual({ target, status: 403, code: 'forbidden', nosniff: 'nosniff' });
      }
    });

    it('names the authority it refused, JSON-quoted', async () => {
      const response = await exchange(`GET http://evil.com${PUBLIC_STATUS} HTTP/1.1\r\nHost: 127.0.0.1:${port}`);

      expect(JSON.parse(response.body).message).toBe('this server does not answer to the Host "evil.com" named in the request target; BRIGADE_ALLOWED_HOSTS lists the names it does');
    });

    it('records nothing through an absolute-form target that names another host', async () => {
      const email = `host-${randomUUID()}@brigade.test`;
      const { body } = NEW_EXPERT(email);
      const response = await exchangeOnSocket(port, (socket) => socket.write(
        `POST http://evil.com/experts HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: ${bearer('coordinator', 'c.jansen')}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      ));

      expect(response.status).toBe(403);
      expect(await db.sql('SELECT 1 FROM experts WHERE email = $1', [email])).toHaveLength(0);
    });

    it('answers an absolute-form target that names this machine at its own port', async () => {
      const response = await exchange(`GET http://127.0.0.1:${port}${PUBLIC_STATUS} HTTP/1.1\r\nHost: 127.0.0.1:${port}`);

      expect(response.status).toBe(200);
    });

    it('refuses an HTTP/1.1 request without a Host, or with an empty one, with 400 and the error body naming Host', async () => {
      for (const head of [`GET ${PUBLIC_STATUS} HTTP/1.1`, `GET ${PUBLIC_STATUS} HTTP/1.1\r\nHost: `]) {
        const response = await exchange(head);

        expect({ head, status: response.status, body: JSON.parse(response.body || '{}'), nosniff: response.headers['x-content-type-options'] }).toEqual({
          head, status: 400, nosniff: 'nosniff',
          body: { statusCode: 400, code: 'invalid_input', fields: [], reason: { code: 'invalid_input', params: {} }, message: 'the request has no Host header, which HTTP/1.1 requires' },
        });
      }
    });

    it('answers a foreign Host with a short JSON body that a browser must not sniff as a page', async () => {
      const host = `<img src=x onerror=alert(1)>"${'a'.repeat(300)}`;
      const response = await exchange(`GET ${PUBLIC_STATUS} HTTP/1.1\r\nHost: ${host}`);

      expect(response.status).toBe(403);
      expect(response.headers).toMatchObject({ 'content-type': 'application/json; charset=utf-8', 'x-content-type-options': 'nosniff' });
      expect(JSON.parse(response.body).message).toBe(`this server does not answer to the Host ${JSON.stringify(host.slice(0, 100))}; BRIGADE_ALLOWED_HOSTS lists the names it does`);
    });
  });

  describe('CORS', () => {
    const preflight = (origin: string, path = '/codec/decode') =>
      send({ method: 'OPTIONS', path, headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' } });

    it("lets the Temporal UI's origin call the codec endpoint, and reflects no look-alike of it", async () => {
      expect((await preflight(UI_ORIGIN)).headers['access-control-allow-origin']).toBe(UI_ORIGIN);
      for (const lookAlike of [`${UI_ORIGIN}.attacker.example`, 'http://localhost:82330', 'http://attacker.localhost:8233', 'null']) {
        expect((await preflight(lookAlike)).headers['access-control-allow-origin']).toBeUndefined();
      }
    });

    it("reflects not even the Temporal UI's origin on any other route", async () => {
      expect((await preflight(UI_ORIGIN, '/auth/logout')).headers['access-control-allow-origin']).toBeUndefined();
    });
  });

  describe('when a client sends slowly', () => {
    it('cuts off a body that trickles in with 408 and the error body, once the request timeout has passed', async () => {
      const response = await exchangeOnSocket(port, (socket) => {
        socket.write(`POST /experts HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{`);
        const trickle = setInterval(() => (socket.writable ? socket.write(' ') : clearInterval(trickle)), 200);
        socket.on('close', () => clearInterval(trickle));
      });

      expect(response.status).toBe(408);
      expect(response.headers).toMatchObject({ 'content-type': 'application/json; charset=utf-8', connection: 'close' });
      expect(JSON.parse(response.body)).toEqual({
        statusCode: 408, code: 'request_timeout', fields: [], reason: { code: 'request_timeout', params: {} }, message: 'the request did not arrive in time; the server stopped waiting for it',
      });
      // The configured 2 s, checked once a second.
      expect(response.elapsedMs).toBeGreaterThanOrEqual(1_900);
      expect(response.elapsedMs).toBeLessThan(4_000);
    });

    it('cuts off headers that trickle in with 408 once the headers timeout has passed', async () => {
      const response = await exchangeOnSocket(port, (socket) => {
        socket.write(`GET ${PUBLIC_PAGE} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n`);
        const trickle = setInterval(() => (socket.writable ? socket.write('X-Slow: 1\r\n') : clearInterval(trickle)), 200);
        socket.on('close', () => clearInterval(trickle));
      });

      expect(response.status).toBe(408);
      expect(response.elapsedMs).toBeLessThan(3_000);
    });
  });

  describe("when Node's HTTP parser refuses a request", () => {
    it('answers headers that are too large with 431 and the error body', async () => {
      const response = await exchangeOnSocket(port, (socket) => {
        socket.write(`GET ${PUBLIC_PAGE} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Padding: ${'a'.repeat(20_000)}\r\n\r\n`);
      });

      expect(response.status).toBe(431);
      expect(response.headers.connection).toBe('close');
      expect(JSON.parse(response.body)).toEqual({ statusCode: 431, code: 'headers_too_large', fields: [], reason: { code: 'headers_too_large', params: {} }, message: "the request's headers are too large" });
    });

    it('answers a malformed chunk with 400 and the error body', async () => {
      const response = await exchangeOnSocket(port, (socket) => {
        socket.write(`POST /experts HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n`);
      });

      expect(response.status).toBe(400);
      expect(response.headers.connection).toBe('close');
      expect(JSON.parse(response.body)).toEqual({
        statusCode: 400, code: 'invalid_input', fields: [], reason: { code: 'invalid_input', params: {} }, message: 'the request is not valid HTTP/1.1 (HPE_INVALID_CHUNK_SIZE)',
      });
    });
  });
});

describe('a deployment that lists its own Host names', () => {
  let db: TestDatabase;
  let app: ApiApp;
  let url: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app, url } = await listeningApp(db, { BRIGADE_ALLOWED_HOSTS: 'brigade.example.nl' }));
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('answers the listed name, and no longer the loopback names it did not list', async () => {
    expect((await sendRaw(url, { method: 'GET', path: PUBLIC_PAGE, headers: { Host: 'brigade.example.nl' } })).status).toBe(200);
    expect((await sendRaw(url, { method: 'GET', path: PUBLIC_PAGE })).status).toBe(403);
  });
});
