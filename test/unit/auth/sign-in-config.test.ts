import { ConfigError, loadBrigadeConfig } from '../../../src/config/brigade-config';

describe('the sign-in settings', () => {
  it('runs the local provider under the public URL when no issuer is configured', () => {
    const config = loadBrigadeConfig({ PORT: '3100' });
    expect(config.publicUrl).toBe('http://127.0.0.1:3100');
    expect(config.oidc).toMatchObject({ issuer: 'http://127.0.0.1:3100/oidc', embedded: true, clientId: 'brigade-screens', audience: 'brigade-api' });
    expect(config.session).toEqual({ idleTimeoutMs: 30 * 60_000, maxAgeMs: 10 * 3_600_000 });
  });

  it('takes an external provider with its client secret', () => {
    const config = loadBrigadeConfig({ BRIGADE_OIDC_ISSUER: 'https://login.example.nl/realms/brigade/', BRIGADE_OIDC_CLIENT_SECRET: 's3cret' });
    expect(config.oidc).toMatchObject({ issuer: 'https://login.example.nl/realms/brigade', embedded: false, clientSecret: 's3cret' });
  });

  it.each([
    [{ BRIGADE_PUBLIC_URL: 'https://brigade.example.nl/app' }, /BRIGADE_PUBLIC_URL must be an origin/],
    [{ BRIGADE_OIDC_ISSUER: 'login.example.nl' }, /BRIGADE_OIDC_ISSUER must be/],
    [{ BRIGADE_OIDC_ISSUER: 'https://login.example.nl' }, /BRIGADE_OIDC_CLIENT_SECRET must be set/],
    [{ BRIGADE_OIDC_ROLE_MAP: 'admin=brigade-admins' }, /BRIGADE_OIDC_ROLE_MAP must be role=value pairs/],
    [{ BRIGADE_OIDC_ROLE_MAP: 'coordinator=staff,auditor=staff' }, /gives the value "staff" two roles/],
    [{ BRIGADE_SESSION_IDLE_TIMEOUT: '12h' }, /must not be longer than BRIGADE_SESSION_MAX_AGE/],
    [{ BRIGADE_SESSION_MAX_AGE: 'forever' }, /BRIGADE_SESSION_MAX_AGE must be a duration/],
  ])('refuses %j with a message that names the variable', (env, message) => {
    expect(() => loadBrigadeConfig(env)).toThrow(ConfigError);
    expect(() => loadBrigadeConfig(env)).toThrow(message);
  });
});
