/**
 * Why an input was refused, as data: a code and its parameters, never words. The files and
 * links students and instructors pass around are checked here and in src/app; the pages say
 * the reason in the reader's language (`reasonText` in src/app/i18n.ts, with the catalog
 * the UI's strings/reasons.ts, which must name every code below), the CLIs in English. A
 * parameter may itself be a reason: the field a problem is about, or the problem inside
 * "the link's settings are not valid: …".
 */
import type { core } from 'zod/mini';

export type ReasonCode =
  /* A problem with one field, from a schema (zod) issue; `field` is a field reason. */
  | 'issue.missing'
  | 'issue.type.number'
  | 'issue.type.int'
  | 'issue.type.string'
  | 'issue.type.boolean'
  | 'issue.type.object'
  | 'issue.type.array'
  | 'issue.type.other'
  | 'issue.tooSmall.number'
  | 'issue.tooSmall.numberExclusive'
  | 'issue.tooBig.number'
  | 'issue.tooBig.numberExclusive'
  | 'issue.empty'
  | 'issue.tooSmall.string'
  | 'issue.tooBig.string'
  | 'issue.tooSmall.array'
  | 'issue.tooBig.array'
  | 'issue.equal'
  | 'issue.oneOf'
  | 'issue.unknownFields'
  | 'issue.format'
  | 'issue.invalid'
  | 'issue.invalidBecause'
  | 'issue.injectEventOrText'
  /* Which field: the subject of an issue. */
  | 'field.file'
  | 'field.link'
  | 'field.path'
  | 'field.within'
  | 'field.scenario'
  | 'field.seed'
  | 'field.difficulty'
  | 'field.policies'
  | 'field.timeLimit'
  | 'field.speed'
  | 'field.language'
  | 'field.injects'
  | 'field.inject'
  | 'field.injectDay'
  | 'field.injectEvent'
  | 'field.injectTitle'
  | 'field.injectBody'
  | 'field.injectTitleIn'
  | 'field.injectBodyIn'
  | 'lang.en'
  | 'lang.fr'
  /* Saved games (src/app/saves.ts). */
  | 'save.tooLarge'
  | 'save.notJson'
  | 'save.notObject'
  | 'save.foreign'
  | 'save.noVersion'
  | 'save.newer'
  | 'save.tooOld'
  /* Result files and their check by replay (result.ts). */
  | 'result.tooLarge'
  | 'result.empty'
  | 'result.notJson'
  | 'result.foreign'
  | 'result.newer'
  | 'verify.otherLevel'
  | 'verify.levelChanged'
  | 'verify.dayMissing'
  | 'verify.dayUnreached'
  | 'verify.dayDiffers'
  | 'verify.finalHash'
  | 'verify.summary'
  | 'verify.aiDiffers'
  | 'verify.outOfTurn'
  | 'verify.malformed'
  /* Result codes (src/app/results.ts). */
  | 'code.tooLong'
  | 'code.empty'
  | 'code.foreign'
  | 'code.newer'
  | 'code.unknownVersion'
  | 'code.badCharacters'
  | 'code.damaged'
  | 'code.tooLargeUnpacked'
  | 'code.notText'
  /* An instructor's settings against the level (scenario.ts). */
  | 'scenario.injectAfterEnd'
  | 'scenario.injectUnknownEvent'
  /* Scenario links (src/app/link.ts, src/app/share.ts). */
  | 'link.tooLong'
  | 'link.unknownLevel'
  | 'link.badSeed'
  | 'link.badDifficulty'
  | 'link.noVersion'
  | 'link.unknownVersion'
  | 'link.newer'
  | 'link.badCharacters'
  | 'link.damaged'
  | 'link.invalid'
  | 'link.forOtherLevel'
  | 'link.policyMissing'
  | 'rule.wholeNumber'
  | 'rule.minutes'
  | 'rule.levelId'
  | 'rule.textPair'
  | 'rule.policyList'
  | 'rule.newerPolicies'
  | 'rule.speedSetting'
  /* Scenario settings files (src/app/share.ts). */
  | 'settings.tooLarge'
  | 'settings.empty'
  | 'settings.notJson'
  | 'settings.notSettings'
  | 'settings.isResult'
  | 'settings.isSave'
  | 'settings.foreign'
  | 'settings.noFormat'
  | 'settings.newer'
  | 'settings.unknownVersion'
  /* Shipped levels as the pages fetch them (src/app/levels.ts). */
  | 'levels.unknown'
  | 'levels.offline'
  | 'levels.broken'
  | 'levels.listFailed'
  | 'levels.listOffline'
  | 'levels.listDamaged'
  /* A file the browser could not hand over, or a check that failed unexpectedly. */
  | 'file.unreadable'
  | 'file.unexpected';

export type ReasonParam = string | number | Reason;
export interface Reason {
  code: ReasonCode;
  params?: Record<string, ReasonParam>;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: Reason };

export const reason = (code: ReasonCode, params?: Record<string, ReasonParam>): Reason => (params ? { code, params } : { code });

/** A parse that failed, and why. */
export const refused = (code: ReasonCode, params?: Record<string, ReasonParam>): { ok: false; reason: Reason } => ({ ok: false, reason: reason(code, params) });

/** Passed to `z.refine(…)`: the check's issue carries this reason instead of a message. */
export const refineReason = (code: ReasonCode): { params: { reason: ReasonCode } } => ({ params: { reason: code } });

/** A zod path as the field it names: the whole file, or its dotted path (`log.12.type`), which is the same in every language. */
export function pathField(path: readonly PropertyKey[], root: Reason = reason('field.file')): Reason {
  return path.length === 0 ? root : reason('field.path', { path: clip(path.map(String).join('.'), 80) });
}

/** zod's mini build says "Invalid input" for everything: an informative message is one somebody wrote. */
const UNINFORMATIVE = /^Invalid input$/;

/**
 * A schema issue as a reason about `field`, from the issue's kind, so that it reads the same
 * on every page and in both languages. An issue of a kind not named here keeps zod's own
 * message (English) when it has one worth showing.
 */
export function issueReason(issue: core.$ZodIssue | undefined, field: Reason): Reason {
  if (!issue) return reason('issue.invalid', { field });
  switch (issue.code) {
    case 'invalid_type':
      // Only a parse with `reportInput` keeps the input; JSON has no undefined values, so this one was not there.
      if ('input' in issue && issue.input === undefined) return reason('issue.missing', { field });
      return reason(TYPE_CODES[issue.expected] ?? 'issue.type.other', { field, type: String(issue.expected) });
    case 'too_small':
    case 'too_big':
      return sizeReason(issue, field);
    case 'invalid_value':
      if (issue.values.length === 1) return reason('issue.equal', { field, value: clip(JSON.stringify(issue.values[0]) ?? '', 60) });
      return reason('issue.oneOf', { field, values: clip(issue.values.map((v) => JSON.stringify(v)).join(', '), 200) });
    case 'unrecognized_keys':
      return reason('issue.unknownFields', { field, keys: issue.keys.slice(0, 5).map((k) => clip(k, 40)).join(', ') + (issue.keys.length > 5 ? ', …' : '') });
    case 'invalid_format':
      return reason('issue.format', { field });
    case 'custom': {
      const code: unknown = issue.params?.reason;
      if (typeof code === 'string') return reason(code as ReasonCode, { field });
      break;
    }
  }
  return UNINFORMATIVE.test(issue.message) ? reason('issue.invalid', { field }) : reason('issue.invalidBecause', { field, message: clip(issue.message, 200) });
}

const TYPE_CODES: Partial<Record<string, ReasonCode>> = {
  number: 'issue.type.number',
  int: 'issue.type.int',
  string: 'issue.type.string',
  boolean: 'issue.type.boolean',
  object: 'issue.type.object',
  record: 'issue.type.object',
  array: 'issue.type.array',
  tuple: 'issue.type.array',
};

function sizeReason(issue: core.$ZodIssueTooSmall | core.$ZodIssueTooBig, field: Reason): Reason {
  const small = issue.code === 'too_small';
  const limit = Number(small ? issue.minimum : issue.maximum);
  switch (issue.origin) {
    case 'number':
    case 'int':
    case 'bigint':
      if (small) return reason(issue.inclusive === false ? 'issue.tooSmall.numberExclusive' : 'issue.tooSmall.number', { field, min: limit });
      return reason(issue.inclusive === false ? 'issue.tooBig.numberExclusive' : 'issue.tooBig.number', { field, max: limit });
    case 'string':
      if (small && limit === 1) return reason('issue.empty', { field });
      return small ? reason('issue.tooSmall.string', { field, min: limit }) : reason('issue.tooBig.string', { field, max: limit });
    case 'array':
    case 'set':
      if (small && limit === 1) return reason('issue.empty', { field });
      return small ? reason('issue.tooSmall.array', { field, min: limit }) : reason('issue.tooBig.array', { field, max: limit });
    default:
      return reason('issue.invalid', { field });
  }
}

/** Text from the input goes into a message: never more than a line of it. */
export const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
