import type { Payload } from '@temporalio/common';
import type { PayloadJsonDto } from './dto/codec-payloads.dto';

/** A payload from its JSON form in the remote codec protocol. */
export function payloadFromJson(json: PayloadJsonDto): Payload {
  const metadata = Object.fromEntries(Object.entries(json.metadata ?? {}).map(([name, value]) => [name, bytes(value)]));
  return { metadata, data: bytes(json.data ?? '') };
}

/** A payload in the JSON form of the remote codec protocol. */
export function payloadToJson(payload: Payload): PayloadJsonDto {
  const metadata = Object.fromEntries(Object.entries(payload.metadata ?? {}).map(([name, value]) => [name, base64(value)]));
  return { metadata, data: base64(payload.data ?? new Uint8Array()) };
}

const bytes = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'base64'));
const base64 = (value: Uint8Array): string => Buffer.from(value).toString('base64');
