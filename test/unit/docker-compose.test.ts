import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { RUNTIME_ROLES } from '../../src/config/brigade-config';
import { brigadeDataSourceOptions } from '../../src/database/data-source-options';
import { APP_ROLE, OWNER_ROLE } from '../../src/database/database-roles';
import { BRIGADE_SEARCH_ATTRIBUTES } from '../../src/temporal/search-attributes';
import { PINNED_NODE_VERSION } from '../support/pinned-node';

const root = path.resolve(__dirname, '../..');
const read = (file: string): string => readFileSync(path.join(root, file), 'utf8');

interface Service {
  image?: string;
  build?: string | { context?: string };
  environment?: Record<string, unknown> | string[];
  depends_on?: string[] | Record<string, unknown>;
  volumes?: Array<string | { type?: string; source?: string }>;
  ports?: unknown[];
  container_name?: string;
  healthcheck?: { test?: string | string[] };
  command?: string | string[];
  deploy?: { replicas?: number };
  restart?: string;
  profiles?: string[];
  expose?: unknown[];
  configs?: Array<string | { source?: string; target?: string }>;
}

interface ComposeFile {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
  configs?: Record<string, { content?: string }>;
}

/** Resolves `${NAME:-default}`, `${NAME-default}`, `${NAME}` and `$$` the way Compose does with NAME unset. */
function interpolate(value: string): string {
  return value.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}/g, (match, _name, fallback) =>
    match === '$$' ? '$' : (fallback ?? ''));
}

/** Puts a stand-in value in place of every required `${NAME:?message}`, as Compose would once NAME is set. */
function withRequiredSet(value: string): string {
  return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*):?\?[^}]*\}/g, (_match, name: string) => `${name.toLowerCase()}-value`);
}

function environmentOf(service: Service): Record<string, string> {
  const env = service.environment ?? {};
  const entries = Array.isArray(env)
    ? env.map((line) => {
        const at = line.indexOf('=');
        return at < 0 ? [line, ''] : [line.slice(0, at), line.slice(at + 1)];
      })
    : Object.entries(env).map(([name, value]) => [name, value == null ? '' : String(value)]);
  return Object.fromEntries(entries.map(([name, value]) => [name, interpolate(value)]));
}

function dependenciesOf(service: Service): string[] {
  const dependsOn = service.depends_on ?? [];
  return Array.isArray(dependsOn) ? dependsOn : Object.keys(dependsOn);
}

function buildContextOf(service: Service): string | undefined {
  const build = service.build;
  const context = typeof build === 'string' ? build : build?.context;
  return context === undefined ? undefined : path.resolve(root, context);
}

/** Named volumes a service mounts; bind mounts (paths) and anonymous volumes are not named volumes. */
function namedVolumesOf(service: Service): string[] {
  return (service.volumes ?? []).flatMap((volume) => {
    if (typeof volume !== 'string') return volume.type === 'volume' && volume.source ? [volume.source] : [];
    if (!volume.includes(':')) return [];
    const source = volume.split(':')[0];
    return /^[.~/]/.test(source) ? [] : [source];
  });
}

function healthcheckCommand(service: Service): string {
  const test = service.healthcheck?.test;
  return Array.isArray(test) ? test.join(' ') : (test ?? '');
}

/** The condition a service waits for on each of its dependencies (`service_started` when given as a plain list). */
function dependencyConditionsOf(service: Service): Record<string, string> {
  const dependsOn = service.depends_on ?? [];
  if (Array.isArray(dependsOn)) return Object.fromEntries(dependsOn.map((name) => [name, 'service_started']));
  return Object.fromEntries(Object.entries(dependsOn).map(([name, spec]) => [name, (spec as { condition?: string }).condition ?? 'service_started']));
}

/** A job runs once to completion; everything else is meant to keep running. */
const isOneShot = (service: Service) => service.restart === 'no';

function scriptOf(service: Service): string {
  return interpolate([service.command ?? ''].flat().join('\n'));
}

describe('docker-compose.yml', () => {
  const sut = parse(read('docker-compose.yml')) as ComposeFile;
  const serviceNames = Object.keys(sut.services);
  const api = sut.services.api;
  const worker = sut.services.worker;
  const appServices: Array<[string, Service]> = [['api', api], ['worker', worker]];

  it('defines the services the production runtime is made of', () => {
    expect(serviceNames).toEqual(expect.arrayContaining(['postgres', 'temporal', 'temporal-ui', 'api', 'worker']));
  });

  it('only depends on services that exist in the file', () => {
    for (const [name, service] of Object.entries(sut.services)) {
      for (const dependency of dependenciesOf(service)) {
        expect({ service: name, dependsOn: dependency, exists: serviceNames.includes(dependency) })
          .toEqual({ service: name, dependsOn: dependency, exists: true });
      }
    }
  });

  it('builds api and worker from the same context, the folder that holds the Dockerfile', () => {
    expect(buildContextOf(api)).toBe(root);
    expect(buildContextOf(worker)).toBe(buildContextOf(api));
  });

  it('runs api and worker in the roles Brigade knows, one each', () => {
    expect(environmentOf(api).BRIGADE_ROLE).toBe('api');
    expect(environmentOf(worker).BRIGADE_ROLE).toBe('worker');
    expect(RUNTIME_ROLES).toEqual(expect.arrayContaining(['api', 'worker']));
  });

  /** The SQL of the init scripts the postgres service mounts into /docker-entrypoint-initdb.d. */
  function initScriptsOf(service: Service): string {
    return (service.configs ?? [])
      .map((config) => (typeof config === 'string' ? { source: config, target: '' } : config))
      .filter((config) => config.target?.startsWith('/docker-entrypoint-initdb.d/'))
      .map((config) => interpolate(sut.configs?.[config.source ?? '']?.content ?? ''))
      .join('\n');
  }

  it.each(appServices)('points %s at the postgres service as the least-privileged application login, and migrates as the owner', (_name, service) => {
    const env = environmentOf(service);
    const app = new URL(withRequiredSet(env.DATABASE_URL));
    const owner = new URL(withRequiredSet(env.DATABASE_MIGRATION_URL));
    expect(app.protocol).toMatch(/^postgres(ql)?:$/);
    expect(serviceNames).toContain(app.hostname);
    const postgres = sut.services[app.hostname];
    const database = environmentOf(postgres);
    expect(postgres.image).toMatch(/^postgres:/);
    expect(owner.host).toBe(app.host);
    expect([app.pathname.slice(1), owner.pathname.slice(1)]).toEqual([database.POSTGRES_DB, database.POSTGRES_DB]);

    expect(decodeURIComponent(app.username)).toBe(APP_ROLE);
    expect(decodeURIComponent(owner.username)).toBe(OWNER_ROLE);
    expect(decodeURIComponent(app.password)).toBe(withRequiredSet(database.BRIGADE_DB_APP_PASSWORD));
    expect(decodeURIComponent(owner.password)).toBe(withRequiredSet(database.BRIGADE_DB_OWNER_PASSWORD));
    // Neither is the image's superuser.
    expect([APP_ROLE, OWNER_ROLE]).not.toContain(database.POSTGRES_USER);
  });

  it('creates both logins without superuser powers when the postgres volume is initialised, and makes the owner own the database', () => {
    const script = initScriptsOf(sut.services.postgres);
    for (const [role, password] of [[OWNER_ROLE, 'BRIGADE_DB_OWNER_PASSWORD'], [APP_ROLE, 'BRIGADE_DB_APP_PASSWORD']]) {
      expect(script).toMatch(new RegExp(`CREATE ROLE ${role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE .*PASSWORD :'(\\w+)'`));
      const variable = new RegExp(`CREATE ROLE ${role} .*PASSWORD :'(\\w+)'`).exec(script)![1];
      expect(script).toContain(`-v ${variable}="$${password}"`);
    }
    expect(script).toContain(`OWNER TO ${OWNER_ROLE}`);
    expect(script).toContain('ON_ERROR_STOP=1');
  });

  it.each(appServices)('points %s at a Temporal frontend service defined in the file', (_name, service) => {
    const address = environmentOf(service).TEMPORAL_ADDRESS;
    expect(address).toMatch(/^[^:/]+:\d+$/);
    const [host, port] = address.split(':');
    expect(serviceNames).toContain(host);
    expect(sut.services[host].image).toMatch(/^temporalio\/(auto-setup|server)/);
    expect(port).toBe('7233');
  });

  it('gives the api and the workers the same database and Temporal', () => {
    expect(environmentOf(worker).DATABASE_URL).toBe(environmentOf(api).DATABASE_URL);
    expect(environmentOf(worker).DATABASE_MIGRATION_URL).toBe(environmentOf(api).DATABASE_MIGRATION_URL);
    expect(environmentOf(worker).TEMPORAL_ADDRESS).toBe(environmentOf(api).TEMPORAL_ADDRESS);
  });

  it('sets on api and worker only variables that Brigade configuration reads', () => {
    const configSource = ['brigade-config', 'notifications-config', 'key-store-config'].map((name) => read(`src/config/${name}.ts`)).join('');
    const readByConfig = (name: string) =>
      new RegExp(`env\\.${name}\\b|['"]${name}['"]`).test(configSource);
    for (const [serviceName, service] of appServices) {
      const unread = Object.keys(environmentOf(service)).filter((name) => !readByConfig(name));
      expect({ service: serviceName, unread }).toEqual({ service: serviceName, unread: [] });
    }
  });

  it('gives the api and the workers one data-key folder and its key-encryption key from the host, so that either opens what the other sealed', () => {
    for (const [, service] of appServices) {
      expect(environmentOf(service).BRIGADE_KEY_ENCRYPTION_KEY).toMatch(/^\$\{BRIGADE_KEY_ENCRYPTION_KEY:\?.+\}$/);
      expect(environmentOf(service).BRIGADE_DATA_DIR).toBe('/var/lib/brigade');
      expect(service.volumes).toContain('data-keys:/var/lib/brigade/keys');
    }
  });

  it('gives the api a token secret from the host, required, so that tokens outlive the container', () => {
    expect(environmentOf(api).BRIGADE_JWT_SECRET).toMatch(/^\$\{BRIGADE_JWT_SECRET:\?.+\}$/);
  });

  it('gives the api and the workers the same payload keys, from the host and required, so that either reads what the other wrote', () => {
    for (const [, service] of appServices) {
      expect(environmentOf(service).BRIGADE_PAYLOAD_KEYS).toMatch(/^\$\{BRIGADE_PAYLOAD_KEYS:\?.+\}$/);
      expect(environmentOf(service).BRIGADE_PAYLOAD_KEY_ID).toBe(environmentOf(api).BRIGADE_PAYLOAD_KEY_ID);
    }
  });

  it("points the Temporal UI at the api's codec endpoint where the browser reaches it, and lets the UI's origin call it", () => {
    const ui = sut.services['temporal-ui'];
    const endpoint = new URL(environmentOf(ui).TEMPORAL_CODEC_ENDPOINT);
    const published = (service: Service, port: string) => service.ports?.map(String).find((mapping) => mapping.endsWith(`:${port}`))?.split(':').at(-2);

    expect(['localhost', '127.0.0.1']).toContain(endpoint.hostname);
    expect(endpoint.port).toBe(published(api, environmentOf(api).PORT ?? '3000'));
    expect(endpoint.pathname).toBe('/codec');
    const uiOrigin = `http://${endpoint.hostname}:${published(ui, '8080')}`;
    expect(environmentOf(api).BRIGADE_CODEC_CORS_ORIGINS.split(',')).toContain(uiOrigin);
  });

  it('lets the api listen on all interfaces and probes /health on the port it listens on', () => {
    const env = environmentOf(api);
    expect(env.BRIGADE_HTTP_HOST).toBe('0.0.0.0');
    expect(healthcheckCommand(api)).toContain(`:${env.PORT ?? '3000'}/health`);
    expect(api.ports?.map(String)).toContainEqual(expect.stringMatching(new RegExp(`:${env.PORT ?? '3000'}$`)));
  });

  it('keeps the worker free of host ports and fixed names so it can run as several replicas', () => {
    expect(worker.ports ?? []).toEqual([]);
    expect(worker.container_name).toBeUndefined();
    expect(worker.deploy?.replicas).toBeGreaterThanOrEqual(2);
  });

  it('declares every named volume a service mounts, and mounts every volume it declares', () => {
    const used = new Set(Object.values(sut.services).flatMap(namedVolumesOf));
    const declared = new Set(Object.keys(sut.volumes ?? {}));
    expect([...used].filter((name) => !declared.has(name))).toEqual([]);
    expect([...declared].filter((name) => !used.has(name))).toEqual([]);
    expect(used.size).toBeGreaterThan(0);
  });

  it('registers every custom search attribute Brigade declares, with its type, on the Temporal server', () => {
    const setupScripts = Object.values(sut.services)
      .map((service) => [service.command ?? ''].flat().join('\n'))
      .join('\n');
    for (const [name, type] of Object.entries(BRIGADE_SEARCH_ATTRIBUTES)) {
      expect(setupScripts).toContain(`${name}=${type}`);
    }
  });

  it('runs Temporal from its server image, on the shared PostgreSQL with the credentials that service is given', () => {
    const temporal = sut.services.temporal;
    const env = environmentOf(temporal);
    const database = environmentOf(sut.services.postgres);
    expect(temporal.image).toMatch(/^temporalio\/server:/);
    expect(env).toMatchObject({ DB: 'postgres12', POSTGRES_SEEDS: 'postgres', POSTGRES_USER: database.POSTGRES_USER, POSTGRES_PWD: database.POSTGRES_PASSWORD });
    // The shard count cannot change once the cluster exists, so it is chosen on purpose, not left at the image's 4.
    expect(Number(env.NUM_HISTORY_SHARDS)).toBeGreaterThanOrEqual(128);
  });

  it("sets up Temporal's schema with a job that must finish before the server starts, for both of its databases", () => {
    const [jobName, condition] = Object.entries(dependencyConditionsOf(sut.services.temporal))[0];
    const job = sut.services[jobName];
    expect(condition).toBe('service_completed_successfully');
    expect(isOneShot(job)).toBe(true);
    expect(job.image).toMatch(/^temporalio\/admin-tools:/);
    expect(environmentOf(job)).toMatchObject({ SQL_PLUGIN: 'postgres12', SQL_HOST: 'postgres', SQL_PASSWORD: environmentOf(sut.services.postgres).POSTGRES_PASSWORD });
    const script = scriptOf(job);
    for (const step of ['setup-schema -v 0.0', 'update-schema -d "/etc/temporal/schema/postgresql/v12/$schema/versioned"']) expect(script).toContain(step);
    expect(script).toMatch(/for db in temporal temporal_visibility/);
  });

  it('creates the namespace the api and the workers use before they start', () => {
    const setup = sut.services['temporal-setup'];
    expect(isOneShot(setup)).toBe(true);
    expect(scriptOf(setup)).toContain('temporal operator namespace create');
    expect(environmentOf(setup).TEMPORAL_NAMESPACE).toBe(environmentOf(api).TEMPORAL_NAMESPACE);
    for (const [, service] of appServices) expect(dependencyConditionsOf(service)['temporal-setup']).toBe('service_completed_successfully');
  });

  it('gives every long-running service a health check, and makes services wait for health or completion', () => {
    const unchecked = Object.entries(sut.services).filter(([, service]) => !isOneShot(service) && healthcheckCommand(service) === '').map(([name]) => name);
    expect(unchecked).toEqual([]);
    for (const [name, service] of Object.entries(sut.services)) {
      for (const [dependency, condition] of Object.entries(dependencyConditionsOf(service))) {
        const expected = isOneShot(sut.services[dependency]) ? 'service_completed_successfully' : 'service_healthy';
        expect({ service: name, dependency, condition }).toEqual({ service: name, dependency, condition: expected });
      }
    }
  });

  it("lets the Temporal UI pass its user's access token to the codec endpoint, whose bearer check needs it", () => {
    expect(environmentOf(sut.services['temporal-ui']).TEMPORAL_CODEC_PASS_ACCESS_TOKEN).toBe('true');
  });

  it("has each worker serve its metrics on the port its health check probes, reachable on the compose network only", () => {
    const address = environmentOf(worker).BRIGADE_WORKER_METRICS_ADDRESS;
    expect(address).toMatch(/^0\.0\.0\.0:\d+$/);
    const port = address.split(':')[1];
    expect(healthcheckCommand(worker)).toContain(`127.0.0.1:${port}/metrics`);
    // The probe sends the metrics token when one is set, or a worker with a token would never turn healthy.
    expect(healthcheckCommand(worker)).toContain('process.env.BRIGADE_METRICS_TOKEN');
    expect(worker.expose?.map(String)).toEqual([port]);
    expect(environmentOf(worker).BRIGADE_METRICS_TOKEN).toBe(environmentOf(api).BRIGADE_METRICS_TOKEN);
  });

  it('leaves tracing off unless the host turns it on, and names the api and the workers apart in traces', () => {
    for (const [, service] of appServices) expect(service.environment).toMatchObject({ BRIGADE_TRACING: '${BRIGADE_TRACING:-off}' });
    expect(environmentOf(api).OTEL_SERVICE_NAME).not.toBe(environmentOf(worker).OTEL_SERVICE_NAME);
  });

  it("gives PostgreSQL enough connections for every pool: each Brigade process's and what Temporal may open", () => {
    const maxConnections = Number(/max_connections=(\d+)/.exec([sut.services.postgres.command ?? ''].flat().join(' '))?.[1]);
    const temporal = environmentOf(sut.services.temporal);
    const brigadeProcesses = 1 + (worker.deploy?.replicas ?? 1);
    const poolSize = (brigadeDataSourceOptions('postgres://brigade@postgres/brigade').extra as { max: number }).max;
    expect(maxConnections).toBeGreaterThanOrEqual(poolSize * brigadeProcesses + Number(temporal.SQL_MAX_CONNS) + Number(temporal.SQL_VIS_MAX_CONNS));
  });

  it('scrapes, when the observability profile is on, the api on its port and every worker replica on its metrics port', () => {
    const prometheus = sut.services.prometheus;
    expect(prometheus.profiles).toEqual(['observability']);
    const source = prometheus.configs?.map((config) => (typeof config === 'string' ? config : config.source))[0];
    const config = parse(interpolate(sut.configs?.[source ?? '']?.content ?? '')) as {
      scrape_configs: Array<{ static_configs?: Array<{ targets: string[] }>; dns_sd_configs?: Array<{ names: string[]; type: string; port: number }> }>;
    };
    const targets = config.scrape_configs.flatMap((job) => job.static_configs?.flatMap((group) => group.targets) ?? []);
    expect(targets).toContain(`api:${environmentOf(api).PORT}`);
    const discovered = config.scrape_configs.flatMap((job) => job.dns_sd_configs ?? []);
    expect(discovered).toEqual([{ names: ['worker'], type: 'A', port: Number(environmentOf(worker).BRIGADE_WORKER_METRICS_ADDRESS.split(':')[1]) }]);
  });

  it('keeps secrets out of the file: the database passwords come from the environment', () => {
    const literal = (name: string) => (sut.services[name].environment as Record<string, string>);
    for (const variable of ['POSTGRES_PASSWORD', 'BRIGADE_DB_OWNER_PASSWORD', 'BRIGADE_DB_APP_PASSWORD']) {
      expect(literal('postgres')[variable]).toMatch(new RegExp(`^\\$\\{${variable}(:?[-?][^}]*)?\\}$`));
    }
    // Brigade's own logins have no default password: Compose refuses to start until they are set.
    for (const variable of ['BRIGADE_DB_OWNER_PASSWORD', 'BRIGADE_DB_APP_PASSWORD']) {
      expect(literal('postgres')[variable]).toMatch(new RegExp(`^\\$\\{${variable}:\\?.+\\}$`));
    }
    for (const [name] of appServices) {
      expect(literal(name).DATABASE_URL).toContain(':${BRIGADE_DB_APP_PASSWORD');
      expect(literal(name).DATABASE_MIGRATION_URL).toContain(':${BRIGADE_DB_OWNER_PASSWORD');
    }
  });
});

describe('Dockerfile', () => {
  const dockerfile = path.join(root, 'Dockerfile');
  const instructions = existsSync(dockerfile)
    ? read('Dockerfile')
        .replace(/\\\r?\n/g, ' ')
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== '' && !line.startsWith('#'))
    : [];
  const finalStage = instructions.slice(instructions.map((line) => /^FROM\s/i.test(line)).lastIndexOf(true));

  it('exists next to docker-compose.yml', () => {
    expect(existsSync(dockerfile)).toBe(true);
  });

  it('builds and runs every stage on the Node.js release that package.json pins for npm start and npm test', () => {
    const defaultImage = instructions.map((line) => /^ARG\s+NODE_IMAGE=(\S+)$/i.exec(line)?.[1]).find(Boolean);
    expect(defaultImage).toBe(`node:${PINNED_NODE_VERSION}-bookworm-slim`);
    const bases = instructions.filter((line) => /^FROM\s/i.test(line)).map((line) => line.split(/\s+/)[1]);
    expect(bases.length).toBeGreaterThan(0);
    expect(new Set(bases)).toEqual(new Set(['${NODE_IMAGE}']));
  });

  it('starts the compiled Brigade entry point in its final stage', () => {
    const start = finalStage.filter((line) => /^(CMD|ENTRYPOINT)\s/i.test(line)).pop();
    expect(start).toMatch(/dist\/src\/main\.js/);
    expect(existsSync(path.join(root, 'src', 'main.ts'))).toBe(true);
  });

  it("exposes the api's port and the worker's metrics port that docker-compose.yml uses", () => {
    const exposed = finalStage.filter((line) => /^EXPOSE\s/i.test(line)).flatMap((line) => line.split(/\s+/).slice(1));
    expect(exposed).toEqual(expect.arrayContaining(['3000', '9464']));
  });

  it('runs the final stage as a user other than root', () => {
    const user = finalStage.filter((line) => /^USER\s/i.test(line)).pop();
    expect(user).toBeDefined();
    expect(user?.split(/\s+/)[1]).not.toMatch(/^(root|0)(:|$)/);
  });

  it('skips the Temporal dev-server download in every stage whose npm install runs scripts', () => {
    const stages = instructions.reduce<string[][]>((all, line) => {
      if (/^FROM\s/i.test(line)) all.push([]);
      all[all.length - 1]?.push(line);
      return all;
    }, []);
    const installing = stages.filter((stage) => stage.some((line) => /\bnpm (ci|install)\b/.test(line)));
    expect(installing.length).toBeGreaterThan(0);
    for (const stage of installing) {
      const install = stage.findIndex((line) => /\bnpm (ci|install)\b/.test(line));
      const skipped = stage.slice(0, install + 1).some((line) => /BRIGADE_SKIP_TEMPORAL_INSTALL=1/.test(line));
      const scriptsOff = /--ignore-scripts/.test(stage[install]);
      expect({ stage: stage[0], skipped: skipped || scriptsOff }).toEqual({ stage: stage[0], skipped: true });
    }
  });
});
