/** Serialises a JSON value with object keys sorted, so that equal values always give equal text. */
export function canonicalJson(value: unknown): string {
  // Written as plain loops over one growing string: every event's hash goes through here, and the audit of a whole
  // store spends more time in it than anywhere else.
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) {
      throw new TypeError(`cannot serialise the non-finite number ${value}`);
    }
    const text = JSON.stringify(value);
    if (text === undefined) throw new TypeError(`cannot serialise a value of type ${typeof value}`);
    return text;
  }
  if (Array.isArray(value)) {
    let text = '[';
    for (let index = 0; index < value.length; index++) {
      if (index > 0) text += ',';
      // A hole in a sparse array stays empty, as it always has; JSON from the database has none.
      if (index in value) text += canonicalJson(value[index]);
    }
    return `${text}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  // The default sort compares UTF-16 code units, the order the hashes were always computed in; most objects come with
  // their keys in that order already, and checking costs less than sorting.
  if (!inCodeUnitOrder(keys)) keys.sort();
  let text = '{';
  for (let index = 0; index < keys.length; index++) {
    const item = record[keys[index]];
    if (item === undefined) continue;
    if (text.length > 1) text += ',';
    text += `${quotedKey(keys[index])}:${canonicalJson(item)}`;
  }
  return `${text}}`;
}

// The events' keys are a small vocabulary, each quoted once; bounded, so that keys from outside cannot fill memory.
const QUOTED_KEYS = new Map<string, string>();
const MOST_QUOTED_KEYS = 4_096;

function quotedKey(key: string): string {
  let quoted = QUOTED_KEYS.get(key);
  if (quoted === undefined) {
    quoted = JSON.stringify(key);
    if (QUOTED_KEYS.size < MOST_QUOTED_KEYS) QUOTED_KEYS.set(key, quoted);
  }
  return quoted;
}

function inCodeUnitOrder(keys: readonly string[]): boolean {
  for (let index = 1; index < keys.length; index++) if (keys[index - 1] > keys[index]) return false;
  return true;
}
