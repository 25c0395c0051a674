import { verify } from 'node:crypto';
import { formatKeyId, isValidKeyName, type NoteSigner, type NoteVerifierKey } from './note-keys';
import { noteTextProblem } from './note-text';
import { decodeStrictBase64 } from './strict-base64';

// Go's sumdb/note reader stops at 100 signatures; C2SP asks readers to accept at least 16.
const MAX_SIGNATURES = 100;
const SIGNATURE_LINE = /^\u2014 (\S+) (\S+)$/u;
const ED25519_SIGNATURE_SIZE = 64;

/** A note whose signatures were checked: its text, and the trusted keys whose signatures verified. */
export interface OpenedNote {
  readonly text: string;
  readonly verifiedBy: readonly NoteVerifierKey[];
}

/** Thrown when a signed note is malformed, cannot be signed, or is not verified by a trusted key; the message says which. */
export class SignedNoteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SignedNoteError';
  }
}

/** The C2SP signed note of `text` with the signer's signature: the text, a blank line, and one signature line. */
export function signNote(text: string, signer: NoteSigner): string {
  const problem = noteTextProblem(text);
  if (problem) throw new SignedNoteError(`cannot sign the note: its text ${problem}`);
  if (!isValidKeyName(signer.name)) throw new SignedNoteError(`cannot sign the note: the key name "${signer.name}" is empty or holds whitespace, a plus sign or a control character`);
  const keyId = Buffer.alloc(4);
  keyId.writeUInt32BE(signer.keyId);
  const signature = Buffer.concat([keyId, signer.sign(Buffer.from(text, 'utf8'))]);
  return `${text}\n\u2014 ${signer.name} ${signature.toString('base64')}\n`;
}

/** The text of a signed note and the trusted keys that verified it; a trusted key's bad signature, or none at all, is an error. */
export function openSignedNote(note: string, verifierKeys: readonly NoteVerifierKey[]): OpenedNote {
  const problem = noteTextProblem(note);
  if (problem) throw new SignedNoteError(`malformed signed note: it ${problem}`);
  // The text may hold blank lines itself; the last blank line is the one before the signatures.
  const separator = note.lastIndexOf('\n\n');
  if (separator < 0) throw new SignedNoteError('malformed signed note: no blank line separates the text from the signatures');
  const text = note.slice(0, separator + 1);
  const lines = note.slice(separator + 2, -1).split('\n');
  if (lines.length > MAX_SIGNATURES) throw new SignedNoteError(`malformed signed note: it has ${lines.length} signature lines, more than the ${MAX_SIGNATURES} accepted`);
  const message = Buffer.from(text, 'utf8');
  const verifiedBy = new Set<NoteVerifierKey>();
  lines.forEach((line, index) => {
    const { name, keyId, signature } = parseSignatureLine(line, index + 1);
    const key = verifierKeys.find((candidate) => candidate.name === name && candidate.keyId === keyId);
    // C2SP requires skipping unknown keys, even ones sharing a trusted key's name or id: that is how witnesses add
    // their signatures and how a log rotates keys.
    if (!key) return;
    if (signature.length !== ED25519_SIGNATURE_SIZE || !verify(null, message, key.publicKey, signature)) {
      throw new SignedNoteError(`the signature of trusted key ${name}+${formatKeyId(keyId)} does not verify`);
    }
    verifiedBy.add(key);
  });
  if (verifiedBy.size === 0) throw new SignedNoteError('the note is not signed by any trusted key');
  return { text, verifiedBy: [...verifiedBy] };
}

function parseSignatureLine(line: string, lineNumber: number): { name: string; keyId: number; signature: Buffer } {
  const malformed = (problem: string) => new SignedNoteError(`malformed signed note: signature line ${lineNumber} ${problem}`);
  const match = SIGNATURE_LINE.exec(line);
  if (!match) throw malformed('is not "\u2014 <key name> <base64 signature>"');
  const [, name, encoded] = match;
  if (!isValidKeyName(name)) throw malformed(`has the key name "${name}", which holds a plus sign or a control character`);
  const bytes = decodeStrictBase64(encoded);
  if (!bytes) throw malformed('has a signature that is not standard base64');
  // Four bytes of key id and at least one of signature.
  if (bytes.length < 5) throw malformed('has a signature too short to hold a key id and a signature');
  return { name, keyId: bytes.readUInt32BE(0), signature: bytes.subarray(4) };
}
