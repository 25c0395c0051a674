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
  // The default sort compares UTF-16 code units, the order the hashes were always computed in.
  const keys = Object.keys(record).sort();
  let text = '{';
  for (const key of keys) {
    const item = record[key];
    if (item === undefined) continue;
    if (text.length > 1) text += ',';
    text += `${JSON.stringify(key)}:${canonicalJson(item)}`;
  }
  return `${text}}`;
}
