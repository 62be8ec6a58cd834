import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/**
 * The protocol document (openapi.yaml) is the one source of the wire's schemas: the service
 * validates requests with them, and the tests validate real answers with them.
 */
export const OPENAPI_PATH = new URL('./openapi.yaml', import.meta.url);

type Json = Record<string, unknown>;
export interface Operation {
  method: string;
  /** The path as OpenAPI writes it, e.g. /v1/admin/terminals/{terminalId}/revoke. */
  path: string;
  operationId: string;
  /** Who may call it: the document's default is a signed terminal request. */
  auth: 'none' | 'terminal' | 'admin';
  /** For Fastify: body, querystring and params schemas, $refs resolved. */
  schema: { body?: Json; querystring?: Json; params?: Json };
  /** Status → the answer's JSON schema, $refs resolved. */
  responses: Record<string, Json>;
}

export interface Spec {
  document: Json;
  operations: Map<string, Operation>;
}

/** Replaces every local $ref with what it points to (the document has no cycles). */
function resolve(doc: Json, node: unknown): unknown {
  if (Array.isArray(node)) return node.map((n) => resolve(doc, n));
  if (node === null || typeof node !== 'object') return node;
  const ref = (node as Json).$ref;
  if (typeof ref === 'string') {
    const target = ref.slice(2).split('/').reduce<unknown>((at, key) => (at as Json)[key], doc);
    return resolve(doc, target);
  }
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, resolve(doc, v)]));
}

function parametersIn(params: Json[], where: string): Json | undefined {
  const mine = params.filter((p) => p.in === where);
  if (mine.length === 0) return undefined;
  return {
    type: 'object',
    properties: Object.fromEntries(mine.map((p) => [p.name, p.schema])),
    required: mine.filter((p) => p.required).map((p) => p.name),
  };
}

export function loadSpec(): Spec {
  const document = parse(readFileSync(OPENAPI_PATH, 'utf8')) as Json;
  const operations = new Map<string, Operation>();
  for (const [path, item] of Object.entries(document.paths as Json)) {
    for (const [method, raw] of Object.entries(item as Json)) {
      const op = resolve(document, raw) as Json;
      const params = (op.parameters ?? []) as Json[];
      const body = (op.requestBody as Json | undefined)?.content as Json | undefined;
      const schema: Operation['schema'] = {};
      const bodySchema = (body?.['application/json'] as Json | undefined)?.schema as Json | undefined;
      if (bodySchema) schema.body = bodySchema;
      const query = parametersIn(params, 'query');
      if (query) schema.querystring = query;
      const pathParams = parametersIn(params, 'path');
      if (pathParams) schema.params = pathParams;
      const responses = Object.fromEntries(
        Object.entries(op.responses as Json).map(([status, r]) => [status, ((r as Json).content as Json)['application/json'] as Json]).map(([s, c]) => [s, (c as Json).schema as Json]),
      );
      const operationId = op.operationId as string;
      const security = (op.security ?? document.security) as Json[];
      const auth = security.length === 0 ? 'none' : 'adminToken' in security[0]! ? 'admin' : 'terminal';
      operations.set(operationId, { method: method.toUpperCase(), path, operationId, auth, schema, responses });
    }
  }
  return { document, operations };
}
