import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { formatCheckpoint, parseCheckpoint } from '../../../src/transparency-log/checkpoint';
import { createNoteSigner, keyIdOf, parseVerifierKey, verifierKeyText } from '../../../src/transparency-log/note-keys';
import { openSignedNote, signNote, SignedNoteError } from '../../../src/transparency-log/signed-note';

// Known answers from Go's golang.org/x/mod/sumdb/note tests: the signer key PRIVATE+KEY+PeterNeumann+c74f20a3+… holds
// 0x01 and a 32-byte Ed25519 seed, and Ed25519 signatures are deterministic, so the signed note must match byte for byte.
const PETER_SEED = Buffer.from('AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz', 'base64').subarray(1);
const PETER_VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const ENOCH_VKEY = 'EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop';
const GO_TEXT = 'If you think cryptography is the answer to your problem,\nthen you don\'t know what your problem is.\n';
const PETER_SIG = '\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n';
const ENOCH_SIG = '\u2014 EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n';

function ed25519FromSeed(seed: Buffer): KeyObject {
  // The PKCS#8 wrapping of a raw Ed25519 seed (RFC 8410): a fixed 16-byte prefix.
  return createPrivateKey({ key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]), format: 'der', type: 'pkcs8' });
}

function aSigner(name: string) {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { signer: createNoteSigner(name, privateKey), verifierKey: parseVerifierKey(verifierKeyText(name, publicKey)) };
}

describe('signed notes', () => {
  describe('against the Go sumdb/note test vectors', () => {
    const peterKey = ed25519FromSeed(PETER_SEED);
    const peter = parseVerifierKey(PETER_VKEY);
    const enoch = parseVerifierKey(ENOCH_VKEY);

    it('derives the key id and verifier key text Go derives', () => {
      expect(keyIdOf('PeterNeumann', createPublicKey(peterKey))).toBe(0xc74f20a3);
      expect(verifierKeyText('PeterNeumann', createPublicKey(peterKey))).toBe(PETER_VKEY);
    });

    it('signs the note exactly as Go does', () => {
      expect(signNote(GO_TEXT, createNoteSigner('PeterNeumann', peterKey))).toBe(`${GO_TEXT}\n${PETER_SIG}`);
    });

    it('opens a note signed by two keys, naming only the trusted ones, and ignoring the other', () => {
      expect(openSignedNote(`${GO_TEXT}\n${PETER_SIG}${ENOCH_SIG}`, [peter])).toEqual({ text: GO_TEXT, verifiedBy: [peter] });
      expect(openSignedNote(`${GO_TEXT}\n${PETER_SIG}${ENOCH_SIG}`, [enoch, peter]).verifiedBy).toEqual([peter, enoch]);
    });

    it('rejects a signature line of a trusted key that was altered', () => {
      const altered = `${GO_TEXT}\n${PETER_SIG.slice(0, 60)}ABCD${PETER_SIG.slice(60)}`;

      expect(() => openSignedNote(altered, [peter])).toThrow('the signature of trusted key PeterNeumann+c74f20a3 does not verify');
    });

    it.each([
      ['no signatures', GO_TEXT, 'no blank line separates the text from the signatures'],
      ['a blank line but no signatures', `${GO_TEXT}\n`, 'signature line 1 is not'],
      ['no final newline', `${GO_TEXT}\n${PETER_SIG.slice(0, -1)}`, 'it does not end with a newline'],
      ['a control character', `\u0001${GO_TEXT}\n${PETER_SIG}`, 'it contains the control character U+0001'],
      ['a key name with a space', `${GO_TEXT}\n\u2014 Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`, 'signature line 1 is not'],
      ['a line after the signatures', `${GO_TEXT}\n${PETER_SIG}Unexpected line.\n`, 'signature line 2 is not'],
      ['a key name with a plus sign', `${GO_TEXT}\n\u2014 Peter+Neumann AAAAAAA=\n`, 'signature line 1 has the key name "Peter+Neumann"'],
      ['a signature that is not base64', `${GO_TEXT}\n\u2014 PeterNeumann x08go/ZJ*=\n`, 'signature line 1 has a signature that is not standard base64'],
      ['a signature without room for a key id', `${GO_TEXT}\n\u2014 PeterNeumann AAAA\n`, 'signature line 1 has a signature too short'],
      ['more than 100 signatures', `${GO_TEXT}\n${PETER_SIG.repeat(101)}`, 'it has 101 signature lines, more than the 100 accepted'],
    ])('rejects a note with %s as malformed', (_, note, message) => {
      expect(() => openSignedNote(note, [peter])).toThrow(SignedNoteError);
      expect(() => openSignedNote(note, [peter])).toThrow(message);
    });
  });

  it('opens what it signs, with blank lines inside the text', () => {
    const { signer, verifierKey } = aSigner('brigade.example/log');
    const text = 'first\n\nafter a blank line\n';

    expect(openSignedNote(signNote(text, signer), [verifierKey])).toEqual({ text, verifiedBy: [verifierKey] });
  });

  it('signs a checkpoint that reads back after opening', () => {
    const { signer, verifierKey } = aSigner('brigade.example/log');
    const checkpoint = { origin: 'brigade.example/log', treeSize: 42, rootHash: Buffer.alloc(32, 7) };

    const opened = openSignedNote(signNote(formatCheckpoint(checkpoint), signer), [verifierKey]);

    expect(parseCheckpoint(opened.text)).toEqual({ ...checkpoint, extensions: [] });
  });

  it('rejects a signature over text that was altered afterwards', () => {
    const { signer, verifierKey } = aSigner('brigade.example/log');
    const altered = signNote('brigade.example/log\n42\n', signer).replace('42', '43');

    expect(() => openSignedNote(altered, [verifierKey])).toThrow('the signature of trusted key brigade.example/log+');
  });

  it('trusts no note signed only by another key, even under the trusted name', () => {
    const trusted = aSigner('brigade.example/log');
    const impostor = aSigner('brigade.example/log');

    expect(() => openSignedNote(signNote('text\n', impostor.signer), [trusted.verifierKey])).toThrow('the note is not signed by any trusted key');
  });

  it('rejects a signature made by another key but labelled with the trusted key id', () => {
    const trusted = aSigner('brigade.example/log');
    const impostor = aSigner('brigade.example/log');
    const forger = { ...impostor.signer, keyId: trusted.signer.keyId };

    expect(() => openSignedNote(signNote('text\n', forger), [trusted.verifierKey])).toThrow(/does not verify/);
  });

  it('refuses to sign text without a final newline, or under a key name with a space or plus sign', () => {
    const { signer } = aSigner('log');
    const { privateKey } = generateKeyPairSync('ed25519');

    expect(() => signNote('no newline', signer)).toThrow('cannot sign the note: its text does not end with a newline');
    expect(() => createNoteSigner('two words', privateKey)).toThrow('the key name "two words" must be non-empty, without whitespace');
    expect(() => createNoteSigner('a+b', privateKey)).toThrow('the key name "a+b" must be non-empty');
    expect(() => createNoteSigner('', privateKey)).toThrow('the key name "" must be non-empty');
    expect(() => signNote('text\n', { ...signer, name: 'a\u00a0b' })).toThrow('cannot sign the note: the key name "a\u00a0b" is empty or holds whitespace');
  });

  it('refuses a signer key that is not Ed25519', () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });

    expect(() => createNoteSigner('log', privateKey)).toThrow('a note signer needs an Ed25519 private key, not an ec private key');
  });

  describe('verifier key text', () => {
    it.each([
      ['no separators', 'PeterNeumann', 'is not <name>+<key id>+<key>'],
      ['a key id that does not match', PETER_VKEY.replace('c74f20a3', 'c74f20a4'), 'has key id c74f20a4, but its name and key give c74f20a3'],
      ['a name that does not match', PETER_VKEY.replace('PeterNeumann', 'PeterNeuman'), 'but its name and key give'],
      ['an upper-case key id', PETER_VKEY.replace('c74f20a3', 'C74F20A3'), 'has a key id that is not 8 lowercase hex digits'],
      ['a key of another algorithm', 'PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW', 'is for signature type 101'],
      ['a key of the wrong length', `PeterNeumann+c74f20a3+${Buffer.concat([Buffer.from([1]), Buffer.alloc(31, 9)]).toString('base64')}`, 'holds a 31-byte key, not a 32-byte Ed25519 key'],
      ['a key that is not base64', 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10T!', 'has a key that is not standard base64'],
      ['a name with a space', 'Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW', 'has a name that is empty or holds whitespace'],
    ])('is refused with %s', (_, text, message) => {
      expect(() => parseVerifierKey(text)).toThrow(message);
    });
  });
});
