import { Ajv, type ValidateFunction } from 'ajv';
import formats from 'ajv-formats';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type Client, type TestPlatform } from '../test/harness.js';
import { seedDemo } from './demo/seed.js';

/*
 * The whole API, fuzzed from its own OpenAPI document: requests of every route by every role,
 * valid and hostile, drawn by fast-check. Whatever comes in, the platform answers a 4xx problem or
 * a success that matches the declared schema, never a 5xx, and a refused request writes nothing.
 */

type Schema = Record<string, unknown>;
interface Operation {
  method: string;
  path: string;
  parameters: { in: string; name: string; required?: boolean; schema: Schema }[];
  body: Schema | undefined;
  responses: Record<string, Schema | undefined>;
}

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
/** Routes whose effect would end the run itself: signing out, signing in (throttled), time travel. */
const SKIPPED = [/^\/api\/v1\/session$/, /^\/api\/v1\/session\/organisation$/, /\/clock/, /oidc/];
const ROLES = [
  'employer',
  'mandatary',
  'worker',
  'flanders',
  'dvz',
  'post',
  'inspection',
  'operator',
  'dpo',
] as const;

let platform: TestPlatform;
const clients: Client[] = [];
let spec: { paths: Record<string, Record<string, Schema>>; components: { schemas: Record<string, Schema> } };
const ids: string[] = [];

/** The schema with every `$ref` to a component replaced by the component itself. */
function deref(schema: unknown, depth = 0): unknown {
  if (Array.isArray(schema)) return schema.map((s) => deref(s, depth));
  if (!schema || typeof schema !== 'object') return schema;
  const ref = (schema as { $ref?: string }).$ref;
  if (ref && depth < 8) return deref(spec.components.schemas[ref.split('/').at(-1) ?? ''], depth + 1);
  return Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, deref(v, depth)]));
}

/** Values a schema admits, and some it does not. */
function arbitraryOf(schema: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  const hostile = fc.oneof(
    fc.string(),
    fc.constantFrom('\u0000', '\ud800', 'A'.repeat(10_000), "' or 1=1 --", '../../etc/passwd', '%00', '😀'),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constant({}),
    fc.constant([]),
  );
  if (!schema || depth > 5) return hostile;
  const valid = validArbitraryOf(schema, depth);
  return fc.oneof({ weight: 8, arbitrary: valid }, { weight: 1, arbitrary: hostile });
}

function validArbitraryOf(schema: Schema, depth: number): fc.Arbitrary<unknown> {
  const s = schema as {
    enum?: unknown[];
    const?: unknown;
    anyOf?: Schema[];
    oneOf?: Schema[];
    type?: string | string[];
    format?: string;
    pattern?: string;
    minLength?: number;
    maxLength?: number;
    minimum?: number;
    maximum?: number;
    items?: Schema;
    properties?: Record<string, Schema>;
    required?: string[];
  };
  if (s.enum) return fc.constantFrom(...s.enum);
  if (s.const !== undefined) return fc.constant(s.const);
  const options = s.anyOf ?? s.oneOf;
  if (options?.length) return fc.oneof(...options.map((o) => arbitraryOf(o, depth + 1)));
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'string':
      if (s.format === 'uuid')
        return fc.oneof(
          fc.constantFrom(...ids),
          fc.uuid(),
          fc.constantFrom(...ids.map((i) => i.toUpperCase())),
        );
      if (s.format === 'date')
        return fc
          .date({ min: new Date('2020-01-01'), max: new Date('2035-01-01'), noInvalidDate: true })
          .map((d) => d.toISOString().slice(0, 10));
      if (s.format === 'date-time') return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
      if (s.format === 'email') return fc.emailAddress();
      if (s.pattern) return fc.stringMatching(new RegExp(s.pattern));
      return fc.string({ minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 40, 200) });
    case 'integer':
      return fc.integer({ min: s.minimum ?? -10, max: s.maximum ?? 1_000_000 });
    case 'number':
      return fc.double({ min: s.minimum ?? -10, max: s.maximum ?? 1_000_000, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(arbitraryOf(s.items, depth + 1), { maxLength: 3 });
    case 'object': {
      const props = s.properties ?? {};
      const required = new Set(s.required ?? []);
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, v] of Object.entries(props)) record[k] = arbitraryOf(v, depth + 1);
      return fc.record(record, { requiredKeys: Object.keys(props).filter((k) => required.has(k)) });
    }
    case undefined:
    default:
      return fc.anything();
  }
}

function operations(): Operation[] {
  return Object.entries(spec.paths).flatMap(([path, methods]) =>
    Object.entries(methods).flatMap(([method, raw]): Operation[] => {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) return [];
      if (SKIPPED.some((r) => r.test(path))) return [];
      const op = deref(raw) as {
        parameters?: Operation['parameters'];
        requestBody?: { content?: Record<string, { schema?: Schema }> };
        responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
      };
      const responses = Object.fromEntries(
        Object.entries(op.responses ?? {}).map(([status, r]) => [
          status,
          r.content?.['application/json']?.schema,
        ]),
      );
      return [
        {
          method: method.toUpperCase(),
          path,
          parameters: op.parameters ?? [],
          body: op.requestBody?.content?.['application/json']?.schema,
          responses,
        },
      ];
    }),
  );
}

/** How much the platform holds of what a request could write: a refused request changes none of it. */
async function writes(): Promise<string> {
  const db = platform.deps.db;
  const counts = await Promise.all(
    (
      ['dossier', 'dossier_action', 'document', 'mandate', 'webhook_subscription', 'designation'] as const
    ).map(
      async (t) =>
        (
          await db
            .selectFrom(t)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
    ),
  );
  return counts.join(',');
}

beforeAll(async () => {
  platform = await startPlatform();
  await seedDemo(platform.deps);
  clients.push(platform.anonymous(), ...(await platform.loginAll(ROLES)));
  spec = (await platform.anonymous().get('/api/openapi.json')).body as never;
  const rows = await platform.deps.db.selectFrom('dossier').select('id').execute();
  const docs = await platform.deps.db.selectFrom('document').select('id').limit(20).execute();
  const actions = await platform.deps.db.selectFrom('dossier_action').select('id').limit(40).execute();
  ids.push(...rows.map((r) => r.id), ...docs.map((d) => d.id), ...actions.map((a) => a.id));
}, 300_000);
afterAll(() => platform.close());

describe('the API under fuzzing, from its OpenAPI document', () => {
  it(`answers ${RUNS} generated requests without a 5xx, within its schemas, writing nothing when it refuses`, async () => {
    const ops = operations();
    expect(ops.length).toBeGreaterThan(40);
    const ajv = new Ajv({ strict: false, allErrors: false, validateFormats: true });
    // CommonJS default export, seen from an ES module.
    (formats as unknown as { default: (a: Ajv) => void }).default(ajv);
    const validators = new Map<string, ValidateFunction>();
    const validate = (key: string, schema: Schema): ValidateFunction => {
      const known = validators.get(key);
      if (known) return known;
      const compiled = ajv.compile(schema);
      validators.set(key, compiled);
      return compiled;
    };
    const seen = new Map<string, number>();
    const failures: string[] = [];

    const request = fc.record({
      op: fc.constantFrom(...ops),
      client: fc.constantFrom(...clients.keys()),
      seed: fc.integer(),
    });
    await fc.assert(
      fc.asyncProperty(request, async ({ op, client, seed }) => {
        const pick = <T>(a: fc.Arbitrary<T>) => fc.sample(a, { seed, numRuns: 1 })[0] as T;
        let path = op.path;
        const query = new URLSearchParams();
        const headers: Record<string, string> = {};
        for (const p of op.parameters) {
          if (!p.required && pick(fc.boolean())) continue;
          const value = String(pick(arbitraryOf(p.schema)));
          // A URL carries well-formed text only: a lone surrogate travels as U+FFFD.
          if (p.in === 'path')
            path = path.replace(
              `{${p.name}}`,
              encodeURIComponent(Buffer.from(value, 'utf8').toString('utf8')),
            );
          if (p.in === 'query') query.set(p.name, value);
          if (p.in === 'header' && /^[\t\x20-\x7e]*$/.test(value)) headers[p.name] = value;
        }
        const body = op.method === 'GET' || op.method === 'DELETE' ? undefined : pick(arbitraryOf(op.body));
        const before = await writes();
        const caller = clients[client] as Client;
        const url = `${path}${query.size ? `?${query.toString()}` : ''}`;
        const reply = await caller.request(
          op.method,
          url,
          body ?? (op.method === 'GET' || op.method === 'DELETE' ? undefined : {}),
          headers,
        );
        const key = `${op.method} ${op.path} ${String(reply.status)}`;
        seen.set(key, (seen.get(key) ?? 0) + 1);
        if (reply.status >= 500) failures.push(`${key}: ${JSON.stringify(reply.body).slice(0, 200)}`);
        if (reply.status >= 400 && (await writes()) !== before) failures.push(`${key}: refused but wrote`);
        const declared = op.responses[String(reply.status)];
        if (reply.status < 300 && declared && typeof reply.body === 'object') {
          const v = validate(`${op.method} ${op.path} ${String(reply.status)}`, declared);
          if (!v(reply.body))
            failures.push(`${key}: answer outside its schema ${ajv.errorsText(v.errors).slice(0, 200)}`);
        }
      }),
      { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20261202), endOnFailure: true },
    );
    expect(failures.slice(0, 20)).toEqual([]);
    // The run reached most routes with more than a refusal.
    const routesReached = new Set([...seen.keys()].map((k) => k.split(' ').slice(0, 2).join(' ')));
    expect(routesReached.size).toBeGreaterThan(ops.length * 0.9);
  }, 1_800_000);
});
