import { JwtService } from '@nestjs/jwt';
import { generateKeyPairSync } from 'node:crypto';
import { issueToken } from '../../../src/auth/token-issuer';
import { jwtOptionsFor, loadTokenKeys } from '../../../src/auth/token-keys';
import { loadBrigadeConfig } from '../../../src/config/brigade-config';

describe('token keys', () => {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });

  it('signs with a configured RSA private key, and an API holding only the public key accepts the token', async () => {
    const issuer = loadTokenKeys(loadBrigadeConfig({ BRIGADE_JWT_PUBLIC_KEY: publicKey, BRIGADE_JWT_PRIVATE_KEY: privateKey }));
    const api = new JwtService(jwtOptionsFor(loadTokenKeys(loadBrigadeConfig({ BRIGADE_JWT_PUBLIC_KEY: publicKey }))));

    const { token } = issueToken(issuer, { role: 'auditor', subject: 'a.visser' });

    await expect(api.verifyAsync(token)).resolves.toMatchObject({ role: 'auditor', sub: 'a.visser', iss: 'brigade', aud: 'brigade-api' });
  });

  it('refuses an HS256 token signed with the public key as its secret, the classic algorithm confusion', async () => {
    const api = new JwtService(jwtOptionsFor(loadTokenKeys(loadBrigadeConfig({ BRIGADE_JWT_PUBLIC_KEY: publicKey }))));
    const forged = new JwtService({ secret: publicKey }).sign({ role: 'coordinator' }, { subject: 'mallory', algorithm: 'HS256', issuer: 'brigade', audience: 'brigade-api' });

    await expect(api.verifyAsync(forged)).rejects.toThrow(/invalid algorithm/);
  });

  it('cannot issue tokens when it holds only the public key', () => {
    const keys = loadTokenKeys(loadBrigadeConfig({ BRIGADE_JWT_PUBLIC_KEY: publicKey }));

    expect(() => issueToken(keys, { role: 'auditor', subject: 'a.visser' })).toThrow(/set BRIGADE_JWT_PRIVATE_KEY to issue them/);
  });

  it('refuses a token for another audience or issuer, even with the right secret', async () => {
    const secret = 'x'.repeat(48);
    const api = new JwtService(jwtOptionsFor(loadTokenKeys(loadBrigadeConfig({ BRIGADE_JWT_SECRET: secret }))));
    const foreign = new JwtService({ secret });

    await expect(api.verifyAsync(foreign.sign({ role: 'coordinator' }, { subject: 'c', issuer: 'brigade', audience: 'other-app' }))).rejects.toThrow(/audience invalid/);
    await expect(api.verifyAsync(foreign.sign({ role: 'coordinator' }, { subject: 'c', issuer: 'elsewhere', audience: 'brigade-api' }))).rejects.toThrow(/issuer invalid/);
  });
});
