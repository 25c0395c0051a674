import type { OpenAPIObject, ParameterObject, SchemaObject } from '@nestjs/swagger';
import type { RawRequest } from '../raw-http';
import {
  BIDI_NAMES, INVALID_DATES, INVISIBLE_TEXT, ODD_HEADER_VALUES, ODD_UNICODE, SCRIPT_INJECTIONS, SQL_INJECTIONS, UNSTORABLE_TEXT,
  oddPathSegments,
} from './hostile-values';
import { bodyFields, exampleOf, itemsOf, kindOf, resolveSchema, type BodyField, type FieldKind } from './schema-fields';

/**
 * How an input must be answered. `refused`: a 4xx, with nothing recorded and nothing sent to Temporal. `verbatim`:
 * hostile-looking but legitimate text, refused, or accepted and passed on byte for byte. `tolerated`: harmless in itself
 * (null for an optional field), any answer but a 5xx.
 */
export type Expectation = 'refused' | 'verbatim' | 'tolerated';

/** One generated request and what its answer must be. */
export interface HostileInput {
  readonly label: string;
  readonly expectation: Expectation;
  readonly request: RawRequest;
  /** The text that must come through unchanged when a `verbatim` input is accepted. */
  readonly verbatim?: string;
  /** The body field or query parameter the input attacks, which a 400 must name (`officeHolder.name`, `at`). */
  readonly field?: string;
}

/** One route of the app, with what it takes, ready to be attacked. */
export interface RouteTarget {
  readonly method: string;
  /** The OpenAPI path, with `{name}` parameters. */
  readonly template: string;
  /** A valid value for each path parameter. */
  readonly pathValues: Readonly<Record<string, string>>;
  readonly parameters: readonly ParameterObject[];
  readonly body: SchemaObject | undefined;
  readonly authorization: string | undefined;
}

/** JSON text written as is into a body, for what `JSON.stringify` cannot say (1e400). */
class RawJson {
  constructor(readonly text: string) {}
}

const ONE_MEGABYTE = 1024 * 1024;
const FREE_TEXT_ATTACKS = [...SQL_INJECTIONS, ...SCRIPT_INJECTIONS, ...ODD_UNICODE];

/** Every hostile input for one route: path, query, header, body fields, the body as a whole, and the transport. */
export function hostileInputsFor(document: OpenAPIObject, target: RouteTarget): HostileInput[] {
  const send = requestBuilder(document, target);
  return [
    ...pathInputs(target, send),
    ...queryInputs(document, target, send),
    ...headerInputs(target, send),
    ...(target.body ? bodyInputs(document, target.body, send) : []),
    ...transportInputs(target, send),
  ];
}

/** Builds requests for a route: valid in everything but what the caller overrides. */
interface RequestBuilder {
  (overrides: { path?: Record<string, string>; query?: string; headers?: Record<string, string>; body?: string }): RawRequest;
  /** A valid body, built afresh from the documented examples (so unique fields stay unique). */
  validBody(): Record<string, unknown>;
}

function requestBuilder(document: OpenAPIObject, target: RouteTarget): RequestBuilder {
  const validBody = () => (target.body ? (exampleOf(document, target.body) as Record<string, unknown>) : {});
  const build = ((overrides) => {
    const values = { ...target.pathValues, ...overrides.path };
    const path = target.template.replace(/\{(\w+)\}/g, (_, name: string) => values[name]);
    const body = overrides.body ?? (target.body ? JSON.stringify(validBody()) : undefined);
    const headers = {
      ...(target.authorization && { Authorization: target.authorization }),
      ...(body !== undefined && { 'Content-Type': 'application/json' }),
      ...overrides.headers,
    };
    return {
      method: target.method,
      path: overrides.query ? `${path}?${overrides.query}` : path,
      // An empty override leaves the header out altogether.
      headers: Object.fromEntries(Object.entries(headers).filter(([, value]) => value !== '')),
      ...(body !== undefined && { body }),
    };
  }) as RequestBuilder;
  build.validBody = validBody;
  return build;
}

function pathInputs(target: RouteTarget, send: RequestBuilder): HostileInput[] {
  const isUuid = (name: string) => target.parameters.some((p) => p.in === 'path' && p.name === name && (p.schema as SchemaObject | undefined)?.format === 'uuid');
  return Object.keys(target.pathValues).flatMap((name) => oddPathSegments(isUuid(name)).map((segment) => ({
    label: `path ${name}=${segment.length > 60 ? `${segment.slice(0, 20)}…(${segment.length} chars)` : segment}`,
    expectation: 'refused' as const,
    request: send({ path: { [name]: segment } }),
  })));
}

function queryInputs(document: OpenAPIObject, target: RouteTarget, send: RequestBuilder): HostileInput[] {
  const query = target.parameters.filter((parameter) => parameter.in === 'query');
  if (query.length === 0) return [];
  const perParameter = query.flatMap((parameter) => {
    const schema = resolveSchema(document, parameter.schema ?? { type: 'string' });
    const kind = kindOf(schema);
    const values = [...badQueryValues(kind, schema), ...injectionsFor(kind).map((value) => value.text)];
    const encoded = values.map((value) => ({ label: `query ${parameter.name}=${short(value)}`, query: `${parameter.name}=${percentEncoded(value)}`, text: value }));
    const shapes = [
      { label: `query ${parameter.name} given twice`, query: `${parameter.name}=a&${parameter.name}=b`, text: undefined },
      // Brackets are no syntax to the query parser: this is a parameter named "name[x]", refused as unknown.
      { label: `query ${parameter.name}[x]`, query: `${parameter.name}[x]=1`, text: undefined, field: `${parameter.name}[x]` },
      { label: `query ${parameter.name} 8000 chars`, query: `${parameter.name}=${'x'.repeat(8000)}`, text: undefined },
    ];
    return [...encoded, ...shapes].map(({ label, query: text, text: value, field }: { label: string; query: string; text?: string; field?: string }) => ({
      label,
      expectation: (value !== undefined && kind === 'text' && FREE_TEXT_ATTACKS.includes(value) ? 'verbatim' : 'refused') as Expectation,
      request: send({ query: text }),
      field: field ?? parameter.name,
    }));
  });
  return [
    ...perParameter,
    { label: 'query with an unknown parameter', expectation: 'refused', request: send({ query: 'unexpected=1' }) },
    { label: 'query __proto__[polluted]', expectation: 'refused', request: send({ query: '__proto__[polluted]=1' }) },
  ];
}

function headerInputs(target: RouteTarget, send: RequestBuilder): HostileInput[] {
  // A header whose value has rules must refuse what breaks them; one that is only informative may be ignored.
  const hasRules = (schema: SchemaObject | undefined) => Boolean(schema?.pattern || schema?.enum || schema?.format);
  return target.parameters.filter((parameter) => parameter.in === 'header').flatMap((parameter) =>
    ODD_HEADER_VALUES.map((value) => ({
      label: `header ${parameter.name}: ${short(value)}`,
      expectation: (hasRules(parameter.schema as SchemaObject | undefined) ? 'refused' : 'tolerated') as Expectation,
      request: send({ headers: { [parameter.name]: value } }),
    })));
}

function bodyInputs(document: OpenAPIObject, schema: SchemaObject, send: RequestBuilder): HostileInput[] {
  const withField = (field: BodyField, value: unknown) => {
    const body = send.validBody();
    setAt(body, field.path, value);
    return send({ body: encode(body) });
  };
  const fieldInputs = bodyFields(document, schema).flatMap((field) => {
    const name = field.path.join('.');
    return fieldMutations(document, field).map(({ label, value, expectation, verbatim }) => ({
      label: `body.${name}: ${label}`, expectation, verbatim, request: withField(field, value), field: name,
    }));
  });
  // An object with additionalProperties is a map, where any key is a legitimate entry.
  const extraInside = bodyFields(document, schema).filter((field) => field.kind === 'object' && !field.schema.additionalProperties).map((field) => {
    const body = send.validBody();
    setAt(body, [...field.path, 'unexpected'], 'extra');
    return { label: `body.${field.path.join('.')}: an extra field`, expectation: 'refused' as const, request: send({ body: JSON.stringify(body) }) };
  });
  const valid = JSON.stringify(send.validBody());
  const manyKeys = JSON.stringify({ ...send.validBody(), ...Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`extra${i}`, i])) });
  const whole: Array<[string, string, Expectation]> = [
    ['an extra top-level field', JSON.stringify({ ...send.validBody(), unexpected: 'extra' }), 'refused'],
    ['5000 extra fields', manyKeys, 'refused'],
    ['a __proto__ field', `{"__proto__":{"polluted":true},${valid.slice(1)}`, 'refused'],
    ['a constructor.prototype field', `{"constructor":{"prototype":{"polluted":true}},${valid.slice(1)}`, 'refused'],
    ['an array instead of an object', '[]', 'refused'],
    ['an array of the valid body', `[${valid}]`, 'refused'],
    ['20000 nested arrays', `${'['.repeat(20_000)}${']'.repeat(20_000)}`, 'refused'],
    ['20000 nested objects', `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`, 'refused'],
    ...(Object.keys(send.validBody()).length > 0
      ? [['a NoSQL operator in every field', JSON.stringify(Object.fromEntries(Object.keys(send.validBody()).map((key) => [key, { $gt: '' }]))), 'refused'] as [string, string, Expectation]]
      : []),
    ...((schema.required?.length ?? 0) > 0 ? [['an empty object', '{}', 'refused'] as [string, string, Expectation]] : []),
  ];
  return [
    ...fieldInputs,
    ...extraInside,
    ...whole.map(([label, body, expectation]) => ({ label: `body: ${label}`, expectation, request: send({ body }) })),
  ];
}

interface Mutation {
  readonly label: string;
  readonly value: unknown;
  readonly expectation: Expectation;
  readonly verbatim?: string;
}

function fieldMutations(document: OpenAPIObject, field: BodyField): Mutation[] {
  const refused = (label: string, value: unknown): Mutation => ({ label, value, expectation: 'refused' });
  const { schema, kind } = field;
  const mutations: Mutation[] = [
    ...wrongScalars(kind, schema).map((value) => refused(`${kind} given ${shown(value)}`, value)),
    field.required ? refused('missing', undefined) : { label: 'absent', value: undefined, expectation: 'tolerated' },
    field.required && !schema.nullable ? refused('null', null) : { label: 'null', value: null, expectation: 'tolerated' },
    ...injectionsFor(kind).map(({ text, expectation }) => ({ label: short(text), value: text, expectation: patternAllows(schema, text) ? expectation : 'refused', verbatim: text })),
  ];
  if (kind === 'text') mutations.push(...invisibleTextMutations(schema));
  if (kind === 'text' || kind === 'bytes' || kind === 'enum' || kind === 'date' || kind === 'uuid' || kind === 'email') {
    mutations.push(refused('1 MB of text', 'x'.repeat(ONE_MEGABYTE)));
    if (schema.maxLength !== undefined) mutations.push(refused(`${schema.maxLength + 1} characters`, 'x'.repeat(schema.maxLength + 1)));
    const blankAllowed = (kind === 'text' || kind === 'bytes') && !schema.pattern && (schema.minLength ?? 0) === 0;
    mutations.push({ label: 'empty', value: '', expectation: blankAllowed ? 'tolerated' : 'refused' });
    mutations.push({ label: 'blank', value: '   ', expectation: kind === 'text' && !schema.pattern ? 'tolerated' : 'refused' });
  }
  if (kind === 'array') {
    const items = itemsOf(document, field);
    const valid = exampleOf(document, items);
    mutations.push(
      refused('200000 elements (beyond the body limit)', Array.from({ length: 200_000 }, () => valid)),
      refused('an element of the wrong type', [kindOf(items) === 'text' || kindOf(items) === 'enum' ? 42 : 'x']),
      refused('a null element', [null]),
      refused('a nested array', [[valid]]),
      ...(kindOf(items) === 'object' ? [] : injectionsFor(kindOf(items)).map(({ text, expectation }) => ({ label: `element ${short(text)}`, value: [text], expectation, verbatim: text }))),
    );
    if (schema.maxItems !== undefined) mutations.push(refused(`${schema.maxItems + 1} elements`, Array.from({ length: schema.maxItems + 1 }, () => valid)));
    if ((schema.minItems ?? 0) > 0) mutations.push(refused('no elements', []));
    if (schema.uniqueItems) mutations.push(refused('5000 equal elements', Array.from({ length: 5000 }, () => valid)));
  }
  return mutations;
}

/**
 * Text that looks empty, refused wherever blank text is (the field has a pattern or a minimum length), and names with
 * bidi controls, refused wherever the documented pattern says so.
 */
function invisibleTextMutations(schema: SchemaObject): Mutation[] {
  const mustNotBeBlank = schema.pattern !== undefined || (schema.minLength ?? 0) > 0;
  return [
    ...INVISIBLE_TEXT.map((text) => ({ label: `only invisible characters ${escaped(text)}`, value: text, expectation: (mustNotBeBlank ? 'refused' : 'tolerated') as Expectation })),
    ...BIDI_NAMES.map((text) => ({ label: `bidi controls ${escaped(text)}`, value: text, expectation: (patternAllows(schema, text) ? 'verbatim' : 'refused') as Expectation, verbatim: text })),
  ];
}

// Everything but visible ASCII as \u escapes, so that a label shows the invisible characters that were sent.
function escaped(text: string): string {
  return [...text].map((char) => (/[\x21-\x7E]/.test(char) ? char : `\\u${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`)).join('');
}

// A documented pattern is a promise: text it does not match must be refused.
function patternAllows(schema: SchemaObject, text: string): boolean {
  return schema.pattern === undefined || new RegExp(schema.pattern).test(text);
}

/** Values of the wrong type or out of range for a kind of field. */
function wrongScalars(kind: FieldKind, schema: SchemaObject): unknown[] {
  switch (kind) {
    case 'text': case 'bytes': case 'date': case 'uuid': case 'email':
      return [42, true, {}, ['x'], ...(kind === 'date' ? INVALID_DATES : []), ...(kind === 'uuid' ? ['not-a-uuid', '../../etc/passwd', '00000000-0000-0000-0000-000000000000', 'a7e1c5e0-4f2b-11ee-be56-0242ac120002'] : []),
        ...(kind === 'email' ? ['not-an-email', 'a@b', "x'@example.com; DROP TABLE experts"] : [])];
    case 'enum': {
      const first = String(schema.enum![0]);
      return ['NOT_A_VALUE', 42, true, {}, [first], `${first} `, ...[first.toLowerCase(), first.toUpperCase()].filter((value) => value !== first)];
    }
    case 'integer': case 'number':
      return ['12', true, {}, [1], 'abc', new RawJson('1e400'), 2 ** 53 + 2, -(2 ** 53) - 2,
        ...(kind === 'integer' ? [1.5] : []),
        ...(schema.minimum !== undefined ? [schema.minimum - 1] : []), ...(schema.maximum !== undefined ? [schema.maximum + 1] : [])];
    case 'boolean':
      return ['true', 1, 0, 'yes', {}, []];
    case 'array':
      return ['x', 1, {}, true];
    case 'object':
      return ['x', 1, [], true, [{}]];
  }
}

/** Query values that are wrong for a kind of parameter, as text (a query carries nothing else). */
function badQueryValues(kind: FieldKind, schema: SchemaObject): string[] {
  switch (kind) {
    case 'enum': {
      const first = String(schema.enum![0]);
      const variants = [first.toLowerCase(), first.toUpperCase(), `${first} `, `${first}%00`].filter((value) => !schema.enum!.includes(value));
      return ['NOT_A_VALUE', '', '42', ...variants];
    }
    case 'integer': case 'number':
      return ['abc', '', '1e400', 'Infinity', 'NaN', '99999999999999999999', ...(kind === 'integer' ? ['1.5'] : []),
        ...(schema.minimum !== undefined ? [String(schema.minimum - 1)] : []), ...(schema.maximum !== undefined ? [String(schema.maximum + 1)] : [])];
    case 'date':
      return [...INVALID_DATES];
    default:
      return [];
  }
}

/** Injection and odd text: legitimate content in free text (passed on verbatim if accepted), refused elsewhere; unstorable text always refused. */
function injectionsFor(kind: FieldKind): Array<{ text: string; expectation: Expectation }> {
  const attacks = FREE_TEXT_ATTACKS.map((text) => ({ text, expectation: (kind === 'text' ? 'verbatim' : 'refused') as Expectation }));
  return kind === 'integer' || kind === 'number' || kind === 'boolean' || kind === 'array' || kind === 'object'
    ? attacks.slice(0, 3).map(({ text }) => ({ text, expectation: 'refused' as const }))
    : [...attacks, ...UNSTORABLE_TEXT.map((text) => ({ text, expectation: 'refused' as const }))];
}

function transportInputs(target: RouteTarget, send: RequestBuilder): HostileInput[] {
  const valid = target.body ? JSON.stringify(send.validBody()) : '{"probe":true}';
  const json = { 'Content-Type': 'application/json' };
  const cases: Array<[string, Record<string, string>, string]> = [
    ['malformed JSON: cut off', json, valid.slice(0, -1)],
    ['malformed JSON: unquoted keys', json, '{a:1}'],
    ['malformed JSON: single quotes', json, "{'a':1}"],
    ['malformed JSON: trailing comma', json, '{"a":1,}'],
    ['malformed JSON: NaN', json, 'NaN'],
    ['malformed JSON: bad escape', json, '{"a":"\\x41"}'],
    ['malformed JSON: a NUL byte', json, '{"a":1}\u0000'],
    ['JSON null', json, 'null'],
    ['a JSON string', json, '"text"'],
    ['a JSON number', json, '42'],
    ['Content-Type text/plain', { 'Content-Type': 'text/plain' }, valid],
    ['Content-Type application/xml', { 'Content-Type': 'application/xml' }, '<case><category>INCIDENT</category></case>'],
    ['a form body', { 'Content-Type': 'application/x-www-form-urlencoded' }, 'category=INCIDENT&reason=x'],
    ['a multipart body', { 'Content-Type': 'multipart/form-data; boundary=XyZ' }, '--XyZ\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--XyZ--\r\n'],
    ['Content-Type application/octet-stream', { 'Content-Type': 'application/octet-stream' }, valid],
    ['a body without Content-Type', { 'Content-Type': '' }, valid],
    ['JSON in an unsupported charset', { 'Content-Type': 'application/json; charset=latin-1' }, valid],
    ['JSON said to be gzip-encoded', { ...json, 'Content-Encoding': 'gzip' }, valid],
    ['JSON in an unknown encoding', { ...json, 'Content-Encoding': 'compress' }, valid],
    ['a body beyond the limit (2 MB)', json, JSON.stringify({ ...JSON.parse(valid), padding: 'x'.repeat(2 * ONE_MEGABYTE) })],
  ];
  return cases.map(([label, headers, body]) => ({ label, expectation: 'refused' as const, request: send({ headers, body }) }));
}

function setAt(target: Record<string, unknown>, path: readonly (string | number)[], value: unknown): void {
  const parent = path.slice(0, -1).reduce<Record<string | number, unknown>>((node, key) => node[key] as Record<string | number, unknown>, target);
  const last = path[path.length - 1];
  if (value === undefined) delete parent[last];
  else parent[last] = value;
}

function encode(body: unknown): string {
  const raw: string[] = [];
  const text = JSON.stringify(body, (_key, value: unknown) => (value instanceof RawJson ? `@@raw-${raw.push(value.text) - 1}@@` : value));
  return text.replace(/"@@raw-(\d+)@@"/g, (_, index: string) => raw[Number(index)]);
}

function shown(value: unknown): string {
  return value instanceof RawJson ? value.text : typeof value === 'string' ? JSON.stringify(short(value)) : JSON.stringify(value);
}

// Like encodeURIComponent, but a lone surrogate goes out as the bytes a careless encoder would send, not as an exception.
function percentEncoded(text: string): string {
  return [...text].map((char) => {
    const unit = char.charCodeAt(0);
    return char.length === 1 && unit >= 0xD800 && unit <= 0xDFFF ? utf8OfCodeUnit(unit) : encodeURIComponent(char);
  }).join('');
}

function utf8OfCodeUnit(unit: number): string {
  return [0xE0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3F), 0x80 | (unit & 0x3F)].map((byte) => `%${byte.toString(16).toUpperCase()}`).join('');
}

function short(text: string): string {
  return text.length > 40 ? `${text.slice(0, 20)}…(${text.length} chars)` : text;
}

/** The valid request a route's hostile inputs are variations of. */
export function validRequestFor(document: OpenAPIObject, target: RouteTarget): RawRequest {
  return requestBuilder(document, target)({});
}
