import { request } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, methodNames, type MethodName } from '../../shared/api/contract';
import type { ErrorCode } from '../../shared/errors';
import { dispatch, type AppCore } from '../../electron/core';
import { generateDemo } from '../../electron/core/demo/generate';
import { startHarness, type Harness } from '../../electron/cli/harness';
import { snapshot } from './harness-core';
import { openCore, tempFixture, type Fixture } from './reliability/helpers';

/**
 * API fuzzing through the real dispatcher, for EVERY method of the contract (enumerated, never
 * listed by hand), on a database with data: at least 50 malformed inputs each — wrong types,
 * missing fields, huge strings, NUL bytes, lone surrogates, SQL fragments, bad ids and dates,
 * prototype-pollution keys, arrays for objects, deep nesting. Each input is first proved invalid
 * with the method's own schema (safeParse), then must come back as a typed error: ok:false, a
 * code of the ErrorCode set but never INTERNAL, a non-empty Vietnamese message — and the database
 * must be exactly as before.
 */
const ERROR_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['VALIDATION', 'NOT_FOUND', 'CONFLICT', 'FORBIDDEN', 'UNKNOWN_METHOD', 'DATABASE', 'INTERNAL']);
/** A letter only Vietnamese uses (or a Vietnamese-only diacritic): the message is not an English fallback. */
const VIETNAMESE = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;
const MIN_CASES = 50;

/** Failures grouped by what went wrong, with one example each, so a report stays readable. */
function summarise(failures: string[]): string[] {
  const groups = new Map<string, { n: number; example: string }>();
  for (const f of failures) {
    const key = f.replace(/^[\w.]+ \[[^\]]*\]: /, '').slice(0, 80);
    const g = groups.get(key) ?? { n: 0, example: f };
    g.n += 1;
    groups.set(key, g);
  }
  return [...groups.values()].map((g) => `${g.n}× ${g.example.slice(0, 300)}`);
}

function nested(depth: number, leaf: unknown, asArray = false): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = asArray ? [value] : { a: value };
  return value;
}

/** Values that are wrong for almost any field. */
const HOSTILE: [string, unknown][] = [
  ['null', null], ['true', true], ['false', false], ['zero', 0], ['-1', -1], ['float', 1.5], ['NaN', NaN], ['Infinity', Infinity],
  ['-Infinity', -Infinity], ['-0', -0], ['2^53+2', 2 ** 53 + 2], ['1e308', 1e308], ['-1e308', -1e308], ['bigint', 10n],
  ['empty string', ''], ['numeric string', '1'], ['"null"', 'null'], ['huge string', 'x'.repeat(200_000)],
  ['NUL', 'a\u0000b'], ['lone high surrogate', 'a\uD800b'], ['lone low surrogate', '\uDC00x'], ['BOM', '\uFEFF'], ['RTL override', 'abc\u202Edef'],
  // The shared text rules (issue 16 §5): invisible, bidi, private-use, C1, pictographs, over-long.
  ['invisible operator', 'Nguyễn\u2062Văn'], ['RTL isolate', 'An \u2067B\u2069'], ['private use', 'Phòng \uE000'], ['C1 control', 'Văn\u0085phòng'],
  ['emoji', 'Nguyễn Văn An 😀'], ['flag emoji', 'UBND 🇻🇳'], ['500-char name', 'Nguyễn Văn '.repeat(46)],
  ['SQL injection', "' OR 1=1; --"], ['SQL drop', "Robert'); DROP TABLE people;--"], ['LIKE wildcards', '%_\\'], ['SQL comment', '/* */ UNION SELECT * FROM settings'],
  ['date 31/02', '31/02/2024'], ['date 2024-02-31', '2024-02-31'], ['date 2023-02-29', '2023-02-29'], ['date month 13', '2024-13-01'], ['date zero', '0000-00-00'],
  ['date short', '2024-1-1'], ['date compact', '20240101'], ['datetime', '2024-01-10T00:00:00Z'], ['date with spaces', ' 2024-01-10 '],
  ['empty array', []], ['array of junk', [null, {}, 'x']], ['array of ids', [1, 1, 1]], ['empty object', {}], ['object', { x: 1 }],
  ['deep object', nested(2000, 1)], ['deep array', nested(2000, 1, true)], ['date object', new Date('2024-01-10')], ['function', () => 1],
  ['symbol', Symbol('x')], ['__proto__ object', JSON.parse('{"__proto__":{"polluted":true}}')], ['constructor object', { constructor: { prototype: { polluted: true } } }],
  ['null-prototype object', Object.assign(Object.create(null) as object, { x: 1 })],
];

/** Keys that must never be accepted (a password field, prototype pollution, junk). */
const EXTRA_KEYS: [string, () => Record<string, unknown>][] = [
  ['password', () => ({ password: 'Secret123!' })],
  ['__proto__ (JSON)', () => JSON.parse('{"__proto__":{"polluted":true}}') as Record<string, unknown>],
  ['constructor', () => ({ constructor: { prototype: { polluted: true } } })],
  ['prototype', () => ({ prototype: 1 })],
  ['toString', () => ({ toString: 'x' })],
  ['hasOwnProperty', () => ({ hasOwnProperty: 1 })],
  ['empty key', () => ({ '': 1 })],
  ['NUL key', () => ({ 'a\u0000': 1 })],
  ['SQL key', () => ({ "x'; DROP TABLE audit_log; --": 1 })],
  ['huge key', () => ({ ['k'.repeat(10_000)]: 1 })],
];

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  anyOf?: JsonSchema[];
  items?: JsonSchema;
  format?: string;
  minimum?: number;
}

/** A plausible value for a field, from its JSON Schema — so that breaking one field is what makes an input invalid. */
function plausible(name: string, schema: JsonSchema | undefined): unknown {
  if (!schema) return 'x';
  if (schema.enum?.length) return schema.enum[0];
  if (schema.anyOf?.length) return plausible(name, schema.anyOf.find((s) => s.type !== 'null') ?? schema.anyOf[0]);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === 'integer' || type === 'number') return Math.max(1, schema.minimum ?? 1);
  if (type === 'boolean') return false;
  if (type === 'array') return [plausible(name, schema.items)];
  if (type === 'object') return baseOf(schema);
  if (/date|On$|^from$|^to$|deadline/i.test(name)) return '2024-01-10';
  return 'Thử nghiệm';
}

function baseOf(schema: JsonSchema): Record<string, unknown> {
  const base: Record<string, unknown> = {};
  for (const key of schema.required ?? []) base[key] = plausible(key, schema.properties?.[key]);
  return base;
}

function objectSchemaOf(method: MethodName): JsonSchema | null {
  const json = z.toJSONSchema(contract[method].input as z.ZodType, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  if (json.properties) return json;
  return json.anyOf?.find((s) => s.properties) ?? null;
}

/** Candidate inputs for one method (valid ones are dropped by safeParse afterwards). */
function candidates(method: MethodName): [string, unknown][] {
  const out: [string, unknown][] = [];
  // The input itself is not an object at all.
  for (const [label, value] of HOSTILE) out.push([`input = ${label}`, value]);
  const schema = objectSchemaOf(method);
  const base = schema ? baseOf(schema) : {};
  // Unknown keys, alone and beside a plausible input.
  for (const [label, make] of EXTRA_KEYS) {
    out.push([`only key ${label}`, make()]);
    out.push([`plausible + key ${label}`, Object.assign({ ...base }, make())]);
  }
  for (const [label, value] of HOSTILE.slice(0, 25)) out.push([`unknown key = ${label}`, { ...base, zzUnknown: value }]);
  // Every field broken in every way, the others plausible; every required field missing.
  for (const [key] of Object.entries(schema?.properties ?? {})) {
    for (const [label, value] of HOSTILE) out.push([`${key} = ${label}`, { ...base, [key]: value }]);
    if (schema?.required?.includes(key)) {
      const { [key]: _dropped, ...rest } = base;
      out.push([`${key} missing`, rest]);
    }
  }
  // A getter that throws: the dispatcher must not let it escape.
  out.push(['throwing getter', Object.defineProperty({ ...base }, 'boom', { enumerable: true, get: () => { throw new Error('boom'); } })]);
  out.push(['proxy that throws', new Proxy({}, { ownKeys: () => { throw new Error('trap'); }, get: () => { throw new Error('trap'); } })]);
  return out;
}

/** What a browser could send: JSON, or nothing for values JSON cannot carry. */
function toJson(input: unknown): string | undefined {
  try {
    return JSON.stringify(input, (_k, v: unknown) => (typeof v === 'bigint' ? undefined : v));
  } catch {
    return undefined;
  }
}

function isInvalid(method: MethodName, input: unknown): boolean {
  try {
    return !(contract[method].input as z.ZodType).safeParse(input).success;
  } catch {
    // The schema itself threw: certainly not a valid input; the dispatcher must still answer.
    return true;
  }
}

let fx: Fixture;
let core: AppCore;
beforeAll(() => {
  fx = tempFixture('attk-fuzz-');
  core = openCore(fx.file);
  generateDemo(core.db, 'unit', { today: '2024-01-20' });
});
afterAll(() => {
  core.db.close();
  fx.cleanup();
});

describe('fuzzing every contract method through the dispatcher', () => {
  it(`${methodNames.length} methods × ≥ ${MIN_CASES} malformed inputs: typed Vietnamese errors, never INTERNAL, nothing written`, async () => {
    const failures: string[] = [];
    let cases = 0;
    const perMethod: Record<string, number> = {};
    for (const method of methodNames) {
      const invalid = candidates(method).filter(([, input]) => isInvalid(method, input));
      perMethod[method] = invalid.length;
      if (invalid.length < MIN_CASES) failures.push(`${method}: only ${invalid.length} invalid inputs generated`);
      const before = snapshot(core);
      for (const [label, input] of invalid) {
        cases += 1;
        let envelope;
        try {
          envelope = await dispatch(core, method, input);
        } catch (e) {
          failures.push(`${method} [${label}]: dispatch threw ${(e as Error).message}`);
          continue;
        }
        if (envelope.ok) {
          failures.push(`${method} [${label}]: accepted an input its schema refuses`);
          continue;
        }
        const { code, message } = envelope.error;
        if (!ERROR_CODES.has(code) || code === 'INTERNAL') failures.push(`${method} [${label}]: code ${code}`);
        if (typeof message !== 'string' || message.trim() === '' || !VIETNAMESE.test(message)) failures.push(`${method} [${label}]: message ${JSON.stringify(message)}`);
        if (/\bat .*\.(ts|js):\d+|Error:/.test(message)) failures.push(`${method} [${label}]: a stack or raw error in the message`);
      }
      const after = snapshot(core);
      if (JSON.stringify(after) !== JSON.stringify(before)) failures.push(`${method}: the database changed`);
    }
    expect(({} as Record<string, unknown>).polluted, 'Object.prototype was polluted').toBeUndefined();
    console.log(`fuzz (dispatcher): methods: ${methodNames.length}, cases: ${cases}, failures: ${failures.length}, fewest cases for one method: ${Math.min(...Object.values(perMethod))}`);
    expect(summarise(failures)).toEqual([]);
  }, 60_000);
});

describe('fuzzing over HTTP through the harness (a subset)', () => {
  let h: Harness;
  let renderer: string;
  beforeAll(async () => {
    renderer = mkdtempSync(join(tmpdir(), 'attk-fuzz-renderer-'));
    writeFileSync(join(renderer, 'index.html'), '<!doctype html>');
    h = await startHarness({ core, rendererDir: renderer });
  });
  afterAll(async () => {
    await h.close();
    rmSync(renderer, { recursive: true, force: true });
  });

  const post = (method: string, body: string) =>
    new Promise<{ status: number; body: string }>((done, fail) => {
      const req = request(
        { host: '127.0.0.1', port: h.port, path: `/api/${method}`, method: 'POST', headers: { host: `127.0.0.1:${h.port}`, 'content-type': 'application/json', authorization: `Bearer ${h.token}` } },
        (res) => {
          let text = '';
          res.on('data', (c) => (text += c));
          res.on('end', () => done({ status: res.statusCode ?? 0, body: text }));
        },
      );
      req.on('error', fail);
      req.end(body);
    });

  it('JSON bodies (every method, a sample of cases) and raw malformed bodies come back as typed errors', async () => {
    const raw = ['', '{', 'null', '[]', '"x"', '{"__proto__":{"polluted":1}}', '{"a":'.repeat(5000), `{"q":"${'\\u0000'.repeat(10)}"}`, '\u0000', '{"limit":1e999}', `[${'['.repeat(10_000)}${']'.repeat(10_000)}]`];
    let cases = 0;
    const failures: string[] = [];
    const before = snapshot(core);
    for (const method of methodNames) {
      const json = candidates(method)
        .filter(([, input]) => isInvalid(method, input))
        .map(([label, input]) => [label, toJson(input)] as const)
        .filter((c): c is readonly [string, string] => c[1] !== undefined && isInvalid(method, JSON.parse(c[1])));
      // A raw body that parses to a valid input (an empty body is `undefined`, valid for methods without input) is not a malformed case.
      const rawInvalid = raw.filter((body) => {
        try {
          return isInvalid(method, body === '' ? undefined : JSON.parse(body));
        } catch {
          return true;
        }
      });
      const sample = [...json.filter((_, i) => i % 25 === 0).map(([, t]) => t), ...rawInvalid];
      for (const body of sample) {
        cases += 1;
        const r = await post(method, body);
        let envelope: { ok?: boolean; error?: { code?: string; message?: string } };
        try {
          envelope = JSON.parse(r.body) as typeof envelope;
        } catch {
          failures.push(`${method}: not JSON (${r.status})`);
          continue;
        }
        if (envelope.ok !== false || !envelope.error?.code || envelope.error.code === 'INTERNAL' || !VIETNAMESE.test(envelope.error.message ?? '')) {
          failures.push(`${method} ${body.slice(0, 60)}: ${r.status} ${r.body.slice(0, 200)}`);
        }
      }
    }
    expect(JSON.stringify(snapshot(core))).toBe(JSON.stringify(before));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    console.log(`fuzz (HTTP harness): cases: ${cases}, failures: ${failures.length}`);
    expect(failures.slice(0, 30)).toEqual([]);
  }, 60_000);
});
