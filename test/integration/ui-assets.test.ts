import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import request from 'supertest';
import { AuthModule } from '../../src/auth/auth.module';
import { SessionModule } from '../../src/auth/session.module';
import { loadBrigadeConfig } from '../../src/config/brigade-config';
import { ConfigModule } from '../../src/config/config.module';
import { RuntimeConnections } from '../../src/config/runtime-connections';
import { brigadeDataSourceOptions } from '../../src/database/data-source-options';
import { HttpRuntimeModule } from '../../src/http/http-runtime.module';
import { UiBundle } from '../../src/ui/ui-bundle';
import { UiModule } from '../../src/ui/ui.module';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { TEST_TOKEN_ENV } from '../support/tokens';

const PAGE = '<!doctype html><title>Vliegende Brigade</title><div id="app"></div>';
const SCRIPT = 'console.log("brigade");';

// `GET /me` names experts from the pool, so the session routes need a database.
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.drop());

/** The UI module on a bundle folder of the test's own choosing, with the guard, pipes and filter of the real app. */
async function appServing(bundleDir: string): Promise<INestApplication> {
  const config = loadBrigadeConfig(TEST_TOKEN_ENV);
  const moduleRef = await Test.createTestingModule({
    imports: [
      TypeOrmModule.forRoot(brigadeDataSourceOptions(db.url, { logging: false })),
      ConfigModule.forRoot(config, new RuntimeConnections(db.url, 'unused', undefined)), AuthModule, HttpRuntimeModule, SessionModule, UiModule,
    ],
  }).overrideProvider(UiBundle).useValue(new UiBundle(bundleDir)).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  await app.init();
  return app;
}

describe('the browser screens at /ui', () => {
  let bundleDir: string;
  let app: INestApplication;

  beforeAll(async () => {
    bundleDir = mkdtempSync(path.join(tmpdir(), 'brigade-ui-'));
    mkdirSync(path.join(bundleDir, 'assets'));
    writeFileSync(path.join(bundleDir, 'index.html'), PAGE);
    writeFileSync(path.join(bundleDir, 'assets', 'app-ABC123.js'), SCRIPT);
    writeFileSync(path.join(bundleDir, 'secret.txt'), 'not an asset');
    app = await appServing(bundleDir);
  });
  afterAll(async () => {
    await app?.close();
    rmSync(bundleDir, { recursive: true, force: true });
  });

  it.each(['/', '/ui'])('sends %s to /ui/', async (from) => {
    const response = await request(app.getHttpServer()).get(from).expect(302);
    expect(response.headers.location).toBe('/ui/');
  });

  it.each(['/ui/', '/ui/board', '/ui/cases/5b1d0c7e-3f0a-4c43-9a51-7f1e2d4c8a10', '/ui/audit/x/y'])(
    'answers the page for %s without a token, since the browser routes the screens itself',
    async (screen) => {
      const response = await request(app.getHttpServer()).get(screen).expect(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.text).toBe(PAGE);
      expect(response.headers['cache-control']).toBe('no-cache');
    },
  );

  it('sends a strict Content-Security-Policy and the other security headers with the page', async () => {
    const response = await request(app.getHttpServer()).get('/ui/board').expect(200);
    const policy = response.headers['content-security-policy'];
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).toContain("frame-ancestors 'none'");
    expect(response.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' });
  });

  it('serves a built file as itself, cached for a year because its name changes with its content', async () => {
    const response = await request(app.getHttpServer()).get('/ui/assets/app-ABC123.js').expect(200);
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.text).toBe(SCRIPT);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it.each(['/ui/assets/app-OLD.js', '/ui/assets/%2e%2e%2fsecret.txt', '/ui/assets/..%2Fsecret.txt', '/ui/assets/.hidden'])(
    'answers 404, never the page, for %s',
    async (asset) => {
      const response = await request(app.getHttpServer()).get(asset).expect(404);
      expect(response.text).not.toContain('<div id="app">');
      expect(response.text).not.toContain('not an asset');
    },
  );

  it('keeps the API closed: the screens are public, the data behind them is not', async () => {
    const response = await request(app.getHttpServer()).get('/me').expect(401);
    expect(response.body).toMatchObject({ statusCode: 401, code: 'unauthenticated' });
  });

  it('leaves requests other than GET to the API, which does not know them', async () => {
    const response = await request(app.getHttpServer()).post('/ui/board').send({}).expect(404);
    expect(response.body).toMatchObject({ statusCode: 404, code: 'not_found' });
  });
});

describe('the browser screens before they are built', () => {
  it('answers 503 with what to run', async () => {
    const missing = mkdtempSync(path.join(tmpdir(), 'brigade-ui-missing-'));
    const app = await appServing(path.join(missing, 'not-built'));
    try {
      const response = await request(app.getHttpServer()).get('/ui/board').expect(503);
      expect(response.headers['content-type']).toMatch(/^text\/plain/);
      expect(response.text).toContain('npm run build');
    } finally {
      await app.close();
      rmSync(missing, { recursive: true, force: true });
    }
  });
});

describe('where the bundle is looked for', () => {
  it('is dist/ui in the project folder, both from the sources and from the compiled files', () => {
    const root = path.resolve(__dirname, '..', '..');
    expect(UiBundle.fromProjectRoot(path.join(root, 'src', 'ui')).directory).toBe(path.join(root, 'dist', 'ui'));
    expect(UiBundle.fromProjectRoot(path.join(root, 'dist', 'src', 'ui')).directory).toBe(path.join(root, 'dist', 'ui'));
  });
});
