import type { Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { BRIGADE_SEARCH_ATTRIBUTE_KEYS } from '../../workflows/search-attributes';

const UNIMPLEMENTED = 12;
const CLI_TYPE_NAMES = { KEYWORD: 'Keyword' } as const;

/** Brigade's custom search attributes with their type names as the `temporal` CLI spells them. */
export const BRIGADE_SEARCH_ATTRIBUTES: Record<string, string> = Object.fromEntries(
  BRIGADE_SEARCH_ATTRIBUTE_KEYS.map((key) => [key.name, CLI_TYPE_NAMES[key.type as keyof typeof CLI_TYPE_NAMES]]),
);

/** Registers whichever of Brigade's search attributes the namespace does not have yet; safe to run on every start. */
export async function ensureSearchAttributes(connection: Pick<Connection, 'operatorService'>, namespace: string): Promise<string[]> {
  const known = await registeredNames(connection, namespace);
  const missing = BRIGADE_SEARCH_ATTRIBUTE_KEYS.filter((key) => !known.has(key.name));
  if (missing.length === 0) return [];
  await connection.operatorService.addSearchAttributes({
    namespace,
    searchAttributes: Object.fromEntries(missing.map((key) => [key.name, temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD])),
  });
  return missing.map((key) => key.name);
}

// The time-skipping test server can add search attributes but not list them; there, everything counts as missing.
async function registeredNames(connection: Pick<Connection, 'operatorService'>, namespace: string): Promise<Set<string>> {
  try {
    const existing = await connection.operatorService.listSearchAttributes({ namespace });
    return new Set([...Object.keys(existing.customAttributes ?? {}), ...Object.keys(existing.systemAttributes ?? {})]);
  } catch (error) {
    if ((error as { code?: number }).code === UNIMPLEMENTED) return new Set();
    throw error;
  }
}
