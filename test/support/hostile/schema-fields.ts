import type { OpenAPIObject, ReferenceObject, SchemaObject } from '@nestjs/swagger';

/** What kind of value a field holds, as far as choosing hostile values goes. */
export type FieldKind = 'text' | 'bytes' | 'enum' | 'date' | 'uuid' | 'email' | 'integer' | 'number' | 'boolean' | 'array' | 'object';

/** One field of a request body, found by walking its documented schema; `path` leads to it from the body's root. */
export interface BodyField {
  readonly path: readonly (string | number)[];
  readonly schema: SchemaObject;
  readonly kind: FieldKind;
  readonly required: boolean;
}

/** A schema with its `$ref` (direct, or the single one under `allOf`) replaced by what it names, siblings kept. */
export function resolveSchema(document: OpenAPIObject, schema: SchemaObject | ReferenceObject): SchemaObject {
  if ('$ref' in schema) {
    const found = document.components?.schemas?.[schema.$ref.replace('#/components/schemas/', '')];
    if (!found) throw new Error(`the document refers to ${schema.$ref}, which it does not define`);
    return resolveSchema(document, found);
  }
  const reference = schema.allOf?.find((part): part is ReferenceObject => '$ref' in part);
  if (!reference) return schema;
  const { allOf: _allOf, ...siblings } = schema;
  return { ...resolveSchema(document, reference), ...siblings };
}

/** The kind of a resolved schema. */
export function kindOf(schema: SchemaObject): FieldKind {
  if (schema.enum) return 'enum';
  if (schema.type === 'array') return 'array';
  if (schema.type === 'object' || schema.properties) return 'object';
  if (schema.type === 'integer' || schema.type === 'number' || schema.type === 'boolean') return schema.type;
  if (schema.format === 'date-time' || schema.format === 'date' || (typeof schema.example === 'string' && /^\d{4}-\d{2}-\d{2}/.test(schema.example))) return 'date';
  if (schema.format === 'uuid') return 'uuid';
  if (schema.format === 'byte') return 'bytes';
  if (schema.format === 'email') return 'email';
  return 'text';
}

/** Every field of a body schema, nested objects and the first element of object lists included. */
export function bodyFields(document: OpenAPIObject, schema: SchemaObject, prefix: readonly (string | number)[] = []): BodyField[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).flatMap(([name, property]) => {
    const resolved = resolveSchema(document, property);
    const field: BodyField = { path: [...prefix, name], schema: resolved, kind: kindOf(resolved), required: required.has(name) };
    const items = resolved.items ? resolveSchema(document, resolved.items) : undefined;
    const nested = field.kind === 'object'
      ? bodyFields(document, resolved, field.path)
      : items && kindOf(items) === 'object' ? bodyFields(document, items, [...field.path, 0]) : [];
    return [field, ...nested];
  });
}

/** The items schema of an array field, resolved. */
export function itemsOf(document: OpenAPIObject, field: BodyField): SchemaObject {
  return resolveSchema(document, field.schema.items ?? { type: 'string' });
}

let emailSequence = 0;

/** A valid value for a schema, from its documented examples; e-mail addresses are unique, since the pool refuses a second one. */
export function exampleOf(document: OpenAPIObject, schema: SchemaObject): unknown {
  const kind = kindOf(schema);
  if (kind === 'email') return `hostile-${++emailSequence}-${Date.now()}@brigade.test`;
  if (kind === 'object') {
    return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([name, property]) => [name, exampleOf(document, resolveSchema(document, property))]));
  }
  if (schema.example !== undefined) return schema.example;
  if (kind === 'enum') return schema.enum![0];
  if (kind === 'array') return [exampleOf(document, resolveSchema(document, schema.items ?? { type: 'string' }))];
  if (kind === 'text') return 'Valid text';
  if (kind === 'bytes') return Buffer.from('valid bytes').toString('base64');
  if (kind === 'boolean') return false;
  if (kind === 'integer' || kind === 'number') return schema.minimum ?? 1;
  throw new Error(`no example to build a valid ${JSON.stringify(schema)} from; give the property an example`);
}
