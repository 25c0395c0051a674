import type { INestApplication, Type } from '@nestjs/common';
import { METHOD_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { DiscoveryService, ModulesContainer, Reflector } from '@nestjs/core';
import {
  DECORATORS, type OpenAPIObject, type OperationObject, type ParameterObject, type ReferenceObject, type SchemaObject,
} from '@nestjs/swagger';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import { ALLOWED_ROLES, PUBLIC_ROUTE } from '../../src/auth/allow.decorator';
import type { UserRole } from '../../src/domain/user-role';
import { OPEN_API_PATH } from '../../src/http/open-api';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** One operation of an OpenAPI document, named like a route: "POST /cases/{id}/triage". */
export interface DocumentedOperation {
  readonly route: string;
  readonly operation: OperationObject;
}

/** A route handler of the app, with what its decorators say about it. */
export interface RouteHandler {
  /** Swagger's default operation id, `<Controller>_<method>`, which links the handler to its operation. */
  readonly operationId: string;
  /** The roles `@Allow` names, or `public` for a `@Public()` route, or undefined when it declares neither. */
  readonly roles: readonly UserRole[] | 'public' | undefined;
  readonly body: Type | undefined;
  readonly query: Type | undefined;
}

/** Every operation in the document, in document order. */
export function documentedOperations(document: OpenAPIObject): DocumentedOperation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    HTTP_METHODS.flatMap((method) => (item[method] ? [{ route: `${method.toUpperCase()} ${path}`, operation: item[method] }] : [])));
}

/** Every route the app's HTTP server answers, named like an operation, leaving out the OpenAPI page's own routes. */
export function servedRoutes(app: INestApplication): string[] {
  const express = app.getHttpAdapter().getInstance() as { router: { stack: Array<{ route?: ExpressRoute }> } };
  return express.router.stack
    .flatMap(({ route }) => (route ? Object.keys(route.methods).map((method) => `${method.toUpperCase()} ${openApiPath(route.path)}`) : []))
    .filter((route) => !isOpenApiPage(route.slice(route.indexOf(' ') + 1)));
}

/** Routes the app answers that the OpenAPI document does not describe; empty when every route is documented. */
export function undocumentedRoutes(app: INestApplication, document: OpenAPIObject): string[] {
  const documented = new Set(documentedOperations(document).map(({ route }) => route));
  return servedRoutes(app).filter((route) => !documented.has(route));
}

/** Every route handler of the app's controllers, read from the same metadata the router, guard and pipes read. */
export function routeHandlers(app: INestApplication): RouteHandler[] {
  const reflector = new Reflector();
  return new DiscoveryService(app.get(ModulesContainer)).getControllers().flatMap(({ metatype }) => {
    const controller = metatype as Type;
    const prototype = controller.prototype as Record<string, unknown>;
    return Object.getOwnPropertyNames(prototype)
      .filter((name) => typeof prototype[name] === 'function' && Reflect.hasMetadata(METHOD_METADATA, prototype[name] as object))
      .map((name) => {
        const targets = [prototype[name] as () => unknown, controller];
        const isPublic = reflector.getAllAndOverride<boolean | undefined>(PUBLIC_ROUTE, targets);
        return {
          operationId: `${controller.name}_${name}`,
          roles: isPublic ? 'public' : reflector.getAllAndOverride<UserRole[] | undefined>(ALLOWED_ROLES, targets),
          body: argumentType(controller, name, RouteParamtypes.BODY),
          query: argumentType(controller, name, RouteParamtypes.QUERY),
        };
      });
  });
}

/**
 * Where the document's request bodies and query parameters differ from what validation accepts: each validated
 * property (of the body, its nested objects, or the query) must be documented with a description, with `required`
 * as validation has it, and nothing else may be. Empty when they agree.
 */
export function undocumentedInputs(app: INestApplication, document: OpenAPIObject): string[] {
  const operations = new Map(documentedOperations(document).map((entry) => [entry.operation.operationId, entry]));
  return routeHandlers(app).flatMap((handler) => {
    const documented = operations.get(handler.operationId);
    if (!documented) return [`${handler.operationId}: no operation in the document`];
    const { route, operation } = documented;
    const problems: string[] = [];
    if (handler.body) {
      const content = (operation.requestBody as { content?: Record<string, { schema?: SchemaObject | ReferenceObject }> } | undefined)?.content;
      const schema = content?.['application/json']?.schema;
      if (!schema) problems.push(`${route}: the body ${handler.body.name} has no documented schema`);
      else problems.push(...schemaProblems(`${route} body`, handler.body, resolve(document, schema), document));
    }
    if (handler.query) {
      const parameters = (operation.parameters ?? []) as ParameterObject[];
      const documentedQuery = Object.fromEntries(parameters.filter((p) => p.in === 'query').map((p) => [p.name, p.required === true]));
      problems.push(...compare(`${route} query`, validatedProperties(handler.query), documentedQuery));
      problems.push(...parameters.filter((p) => p.in === 'query' && !p.description).map((p) => `${route} query: ${p.name} has no description`));
    }
    return problems;
  });
}

interface ExpressRoute {
  readonly path: string;
  readonly methods: Record<string, boolean>;
}

// Express writes path parameters as ":id", OpenAPI as "{id}".
function openApiPath(expressPath: string): string {
  return expressPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

function isOpenApiPage(path: string): boolean {
  const page = `/${OPEN_API_PATH}`;
  return path === page || path.startsWith(`${page}/`) || path.startsWith(`${page}-`);
}

function argumentType(controller: Type, handler: string, paramtype: RouteParamtypes): Type | undefined {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, handler) ?? {}) as Record<string, { index: number; data?: unknown }>;
  const parameterTypes = (Reflect.getMetadata('design:paramtypes', controller.prototype, handler) ?? []) as Type[];
  // A whole-object argument (@Body(), not @Body('field')) is the one validated against a class.
  const entry = Object.entries(args).find(([key, arg]) => key.startsWith(`${paramtype}:`) && arg.data === undefined);
  return entry ? parameterTypes[entry[1].index] : undefined;
}

/** Each property the validation pipe accepts on a class, and whether it must be present (no IsOptional or ValidateIf). */
function validatedProperties(dto: Type): Record<string, boolean> {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(dto, '', false, false);
  const required: Record<string, boolean> = {};
  for (const { propertyName, type } of metadata) {
    required[propertyName] = (required[propertyName] ?? true) && type !== ValidationTypes.CONDITIONAL_VALIDATION;
  }
  return required;
}

function schemaProblems(where: string, dto: Type, schema: SchemaObject, document: OpenAPIObject): string[] {
  const requiredNames = new Set(schema.required ?? []);
  const documented = Object.fromEntries(Object.keys(schema.properties ?? {}).map((name) => [name, requiredNames.has(name)]));
  const nested = Object.entries(schema.properties ?? {}).flatMap(([name, property]) => {
    const nestedType = nestedClass(dto, name);
    const ref = refIn(property);
    return nestedType && ref ? schemaProblems(`${where}.${name}`, nestedType, resolve(document, { $ref: ref }), document) : [];
  });
  const undescribed = Object.entries(schema.properties ?? {})
    .filter(([, property]) => !('description' in property && property.description))
    .map(([name]) => `${where}: ${name} has no description`);
  return [...compare(where, validatedProperties(dto), documented), ...undescribed, ...nested];
}

function compare(where: string, validated: Record<string, boolean>, documented: Record<string, boolean>): string[] {
  const names = [...new Set([...Object.keys(validated), ...Object.keys(documented)])];
  return names.flatMap((name) => {
    if (!(name in documented)) return [`${where}: ${name} is validated but not documented`];
    if (!(name in validated)) return [`${where}: ${name} is documented but not accepted`];
    if (validated[name] !== documented[name]) {
      return [`${where}: ${name} is ${validated[name] ? 'required' : 'optional'} but documented as ${documented[name] ? 'required' : 'optional'}`];
    }
    return [];
  });
}

// The class a property's @ApiProperty names, when it is a nested object or a list of them.
function nestedClass(dto: Type, property: string): Type | undefined {
  const type = (Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, dto.prototype, property) as { type?: unknown } | undefined)?.type;
  const candidate = Array.isArray(type) ? (type[0] as unknown) : type;
  return typeof candidate === 'function' && ![String, Number, Boolean, Array, Object].includes(candidate as never) ? (candidate as Type) : undefined;
}

function refIn(property: SchemaObject | ReferenceObject): string | undefined {
  if ('$ref' in property) return property.$ref;
  const items = property.items as SchemaObject | ReferenceObject | undefined;
  return (property.allOf?.find((part: SchemaObject | ReferenceObject) => '$ref' in part) as ReferenceObject | undefined)?.$ref ?? (items && '$ref' in items ? items.$ref : undefined);
}

function resolve(document: OpenAPIObject, schema: SchemaObject | ReferenceObject): SchemaObject {
  if (!('$ref' in schema)) return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  const found = document.components?.schemas?.[name];
  if (!found) throw new Error(`the document refers to ${schema.$ref}, which it does not define`);
  return resolve(document, found);
}
