import { CasesModule } from '../../src/cases/cases.module';
import { ExpertsModule } from '../../src/experts/experts.module';
import { HealthModule } from '../../src/health/health.module';
import { serveOpenApi } from '../../src/runtime/open-api';
import { createApiApp } from '../support/api-app';
import { FakeTemporal } from '../support/fake-temporal';
import { createTestDatabase } from '../support/test-database';
import { writeFileSync } from 'node:fs';

it('probe', async () => {
  const db = await createTestDatabase();
  const app = await createApiApp(db, { imports: [CasesModule, ExpertsModule, HealthModule], temporal: new FakeTemporal(), beforeInit: serveOpenApi });

  const docs = await app.api().get('/docs');
  const json = await app.api().get('/docs-json');
  writeFileSync('/tmp/probe/doc.json', JSON.stringify(json.body, null, 2));
  console.log(docs.status, json.status);
  const router = (app.app.getHttpAdapter().getInstance() as { router: { stack: Array<{ route?: { path: string; methods: object } }> } }).router;
  console.log(router.stack.filter((l) => l.route).map((l) => `${Object.keys(l.route!.methods)} ${l.route!.path}`).join('\n'));
  await app.close(); await db.drop();
});
