import { ConfigError, loadBrigadeConfig } from '../../../src/config/brigade-config';

describe('BRIGADE_LOCAL_SIGN_IN', () => {
  it('is on by default with the embedded default, whose secret is generated on this machine', () => {
    expect(loadBrigadeConfig({}).localSignIn).toBe(true);
  });

  it.each([
    ['a shared secret', { BRIGADE_JWT_SECRET: 'x'.repeat(40) }],
    ['a public key', { BRIGADE_JWT_PUBLIC_KEY: '-----BEGIN PUBLIC KEY-----\nabc\n-----END PUBLIC KEY-----' }],
  ])('is off by default once %s is configured, since anyone could then mint tokens for that setup', (_case, env) => {
    expect(loadBrigadeConfig(env).localSignIn).toBe(false);
  });

  it('follows an explicit setting either way', () => {
    expect(loadBrigadeConfig({ BRIGADE_JWT_SECRET: 'x'.repeat(40), BRIGADE_LOCAL_SIGN_IN: 'true' }).localSignIn).toBe(true);
    expect(loadBrigadeConfig({ BRIGADE_LOCAL_SIGN_IN: 'false' }).localSignIn).toBe(false);
  });

  it('refuses anything but true or false, naming the variable', () => {
    expect(() => loadBrigadeConfig({ BRIGADE_LOCAL_SIGN_IN: 'yes' })).toThrow(ConfigError);
    expect(() => loadBrigadeConfig({ BRIGADE_LOCAL_SIGN_IN: 'yes' })).toThrow('BRIGADE_LOCAL_SIGN_IN must be true or false, got "yes"');
  });
});
