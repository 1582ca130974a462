import { get } from './api.js';

// The back office builds action forms from the server's own OpenAPI document: the input schema of
// each workflow route is the single source of what a form asks (no copy of it in the UI).

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  default?: unknown;
  description?: string;
  title?: string;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
}

interface Operation {
  operationId?: string;
  summary?: string;
  'x-action'?: string;
  parameters?: { name: string; in: string; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

export interface OpenApiDoc {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

let cached: Promise<OpenApiDoc> | undefined;
export function loadOpenApi(): Promise<OpenApiDoc> {
  cached ??= get<OpenApiDoc>('/openapi.json').catch((e) => {
    cached = undefined;
    throw e;
  });
  return cached;
}

export interface ActionRoute {
  method: string;
  /** Path with {id} (the case) still to fill in. */
  path: string;
  schema: JsonSchema | undefined;
}

const norm = (s: string) => s.replace(/-/g, '_').toLowerCase();

/** The route that performs `action` on a case, by x-action, operationId, an {action} parameter or the last path segment. */
export function findActionRoute(doc: OpenApiDoc, action: string): ActionRoute | undefined {
  const candidates: { score: number; route: ActionRoute }[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    if (!path.startsWith('/api/v1/cases/{')) continue;
    for (const method of ['post', 'put', 'patch']) {
      const op = ops[method];
      if (!op) continue;
      const body = resolve(doc, op.requestBody?.content?.['application/json']?.schema);
      const segs = path.split('/').filter(Boolean);
      const last = segs.at(-1) ?? '';
      let score = 0;
      let filled = path;
      if (op['x-action'] === action) score = 4;
      else if (op.operationId && norm(op.operationId) === action) score = 3;
      else if (/^\{\w+\}$/.test(last) && last !== '{id}') {
        const param = last.slice(1, -1);
        const p = op.parameters?.find((x) => x.name === param && x.in === 'path');
        const values = p?.schema?.enum ?? resolve(doc, p?.schema)?.enum;
        if (!values || values.includes(action)) {
          score = values ? 2 : 1;
          filled = path.replace(last, action);
        }
      } else if (norm(last) === action && segs.length >= 4) score = 2;
      if (score)
        candidates.push({ score, route: { method: method.toUpperCase(), path: filled, schema: body } });
    }
  }
  candidates.sort((a, b) => b.score - a.score);
  return candidates[0]?.route;
}

export function resolve(doc: OpenApiDoc, s: JsonSchema | undefined): JsonSchema | undefined {
  if (!s) return undefined;
  if (s.$ref) {
    const name = s.$ref.split('/').at(-1)!;
    return resolve(doc, doc.components?.schemas?.[name]);
  }
  if (s.allOf && s.allOf.length === 1) return resolve(doc, s.allOf[0]);
  return s;
}
