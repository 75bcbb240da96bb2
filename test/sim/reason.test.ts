/**
 * A schema issue becomes a reason from its kind, about the field it names: the pages say it
 * in English or French, and only an issue of a kind with no words of ours keeps zod's message.
 */
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { issueReason, pathField, reason, refineReason, type Reason } from '../../src/sim/reason';
import { english, expectClear, french } from '../reason-helpers';

const issueOf = (schema: z.ZodMiniType, input: unknown): Reason => {
  const parsed = schema.safeParse(input, { reportInput: true });
  expect(parsed.success).toBe(false);
  const issue = parsed.error?.issues[0];
  return issueReason(issue, pathField(issue?.path ?? []));
};

describe('a schema issue as a reason', () => {
  it.each<[string, z.ZodMiniType, unknown, string, string]>([
    ['a missing field', z.strictObject({ day: z.number() }), {}, 'the field “day” is missing', 'le champ « day » manque'],
    ['a text for a number', z.object({ day: z.number() }), { day: 'x' }, 'the field “day” must be a number', 'le champ « day » doit être un nombre'],
    ['a fraction for a whole number', z.object({ day: z.number().check(z.int()) }), { day: 1.5 }, 'the field “day” must be a whole number', 'doit être un nombre entier'],
    ['a number for a text', z.object({ id: z.string() }), { id: 4 }, 'the field “id” must be text', 'doit être un texte'],
    ['a text for a boolean', z.object({ on: z.boolean() }), { on: 'yes' }, 'the field “on” must be true or false', 'doit être vrai ou faux'],
    ['a list for an object', z.object({ a: z.number() }), [], 'the file must be a JSON object', 'le fichier doit être un objet JSON'],
    ['an object for a list', z.object({ log: z.array(z.number()) }), { log: {} }, 'the field “log” must be a list', 'doit être une liste'],
    ['a number below its minimum', z.object({ n: z.number().check(z.minimum(1)) }), { n: 0 }, 'the field “n” must be at least 1', 'doit valoir au moins 1'],
    ['a number not above its bound', z.object({ n: z.number().check(z.gt(0)) }), { n: 0 }, 'the field “n” must be more than 0', 'doit valoir plus de 0'],
    ['a number above its maximum', z.object({ n: z.number().check(z.maximum(10_000)) }), { n: 20_000 }, 'the field “n” must be at most 10,000', 'doit valoir au plus 10 000'],
    ['a number not below its bound', z.object({ n: z.number().check(z.lt(5)) }), { n: 5 }, 'the field “n” must be less than 5', 'doit valoir moins de 5'],
    ['an empty text', z.object({ s: z.string().check(z.minLength(1)) }), { s: '' }, 'the field “s” must not be empty', 'ne doit pas être vide'],
    ['a short text', z.object({ s: z.string().check(z.minLength(3)) }), { s: 'ab' }, 'the field “s” has too few characters (minimum: 3)', 'compte trop peu de caractères (minimum : 3)'],
    ['a long text', z.object({ s: z.string().check(z.maxLength(2)) }), { s: 'abc' }, 'the field “s” has too many characters (maximum: 2)', 'compte trop de caractères (maximum : 2)'],
    ['a short list', z.object({ l: z.array(z.number()).check(z.minLength(2)) }), { l: [1] }, 'the field “l” has too few entries (minimum: 2)', 'compte trop peu d’éléments (minimum : 2)'],
    ['a long list', z.object({ l: z.array(z.number()).check(z.maxLength(1)) }), { l: [1, 2] }, 'the field “l” has too many entries (maximum: 1)', 'compte trop d’éléments (maximum : 1)'],
    ['a wrong literal', z.object({ format: z.literal('x') }), { format: 'y' }, 'the field “format” must be "x"', 'le champ « format » doit valoir "x"'],
    ['a value not in the list', z.object({ d: z.enum(['easy', 'hard']) }), { d: 'brutal' }, 'the field “d” must be one of: "easy", "hard"', 'doit valoir l’une de ces valeurs : "easy", "hard"'],
    ['unknown fields', z.strictObject({}), { a: 1, b: 2 }, 'the file has unknown fields: a, b', 'le fichier contient des champs inconnus : a, b'],
    ['a text in the wrong format', z.object({ h: z.string().check(z.regex(/^[0-9a-f]+$/)) }), { h: 'xyz' }, 'the field “h” is not in the right format', 'n’a pas le bon format'],
    ['a value that fits no choice', z.object({ v: z.union([z.literal(1), z.literal(2)]) }), { v: 3 }, 'the field “v” is not valid', 'le champ « v » n’est pas valide'],
    ['a check of ours', z.object({ a: z.number() }).check(z.refine(() => false, refineReason('issue.injectEventOrText'))), { a: 1 }, 'the file must name an event of the scenario', 'le fichier doit nommer un événement'],
    ['a check with only a message', z.object({ a: z.number() }).check(z.refine(() => false, { error: 'Bad combination of fields' })), { a: 1 }, 'the file is not valid: Bad combination of fields', 'le fichier n’est pas valide : Bad combination of fields'],
  ])('%s', (_name, schema, input, en, fr) => {
    const why = issueOf(schema, input);
    expect(english(why)).toContain(en);
    expect(french(why)).toContain(fr);
    expectClear(why);
  });

  it('keeps a long path or a long list of fields to a line', () => {
    const keys = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`field${i}`, i]));
    expect(english(issueOf(z.strictObject({}), keys))).toBe('the file has unknown fields: field0, field1, field2, field3, field4, …');
    const deep = pathField(Array.from({ length: 40 }, (_, i) => `level${i}`));
    expect((deep.params!.path as string).length).toBeLessThanOrEqual(80);
  });

  it('says “invalid” when there is no issue at all, rather than nothing', () => {
    expect(issueReason(undefined, reason('field.file'))).toEqual({ code: 'issue.invalid', params: { field: { code: 'field.file' } } });
  });
});
