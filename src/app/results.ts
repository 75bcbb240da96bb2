/**
 * Result codes: a whole result file as one line of text a student can paste into a message
 * or a form when downloading and handing in a file is awkward (phones, locked-down school
 * machines). `LB1.` + the result JSON, deflated with the platform's CompressionStream
 * ('deflate-raw', in browsers and Node 20) and base64url-encoded: a 60-day game of ~100 KB
 * becomes a code of ~7 KB. The code is only a wrapper: the dashboard verifies the result
 * inside by replaying it, exactly like a file.
 *
 * Also: what counts as an alias. Students never give a real name; the interface asks for
 * "an alias or your initials".
 */
import { refused, type Parsed } from '../sim/reason';
import { MAX_RESULT_BYTES, parseResult, type ResultFile } from '../sim/result';
import { isValidAlias } from '../sim/wire';
import { fromBase64Url, toBase64Url } from './share';

export { isValidAlias, MAX_ALIAS_CHARS } from '../sim/wire';

export const RESULT_CODE_VERSION = 1;
export const RESULT_CODE_PREFIX = `LB${RESULT_CODE_VERSION}.`;
/** Codes longer than this are refused before decoding (a long game's code is well under 1 MiB). */
export const MAX_RESULT_CODE_CHARS = 2 * 1024 * 1024;

async function drain(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array | 'too-large'> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      // A small code that inflates to gigabytes (a "zip bomb") stops here.
      await reader.cancel().catch(() => undefined);
      return 'too-large';
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

const bytesStream = (bytes: Uint8Array): ReadableStream<Uint8Array<ArrayBuffer>> => new Blob([bytes as Uint8Array<ArrayBuffer>]).stream();
/** The DOM typings give (de)compression streams a `BufferSource` input that pipeThrough will not take from a byte stream. */
type ByteTransform = ReadableWritablePair<Uint8Array, Uint8Array<ArrayBuffer>>;

/** The result as a code to copy: `LB1.<base64url of the deflated JSON>`. */
export async function resultCode(result: ResultFile): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(result));
  const deflated = await drain(bytesStream(json).pipeThrough(new CompressionStream('deflate-raw') as unknown as ByteTransform), Number.MAX_SAFE_INTEGER);
  if (deflated === 'too-large') throw new RangeError('unreachable');
  return RESULT_CODE_PREFIX + toBase64Url(deflated);
}

/**
 * Reads a pasted code back into a result file (not yet verified: replay decides that).
 * Spaces and line breaks that chat apps and e-mail add are ignored. A code found in a
 * message may end with words that look like code characters (the next student's name on the
 * following line): when the whole does not unpack, the pieces after the last break are
 * dropped one at a time until it does. Never throws.
 */
export async function parseResultCode(code: string): Promise<Parsed<ResultFile>> {
  if (code.length > MAX_RESULT_CODE_CHARS) return refused('code.tooLong', { max: MAX_RESULT_CODE_CHARS / 1024 / 1024 });
  const pieces = code.split(/\s+/).filter((p) => p !== '');
  const whole = await parseCompactCode(pieces.join(''));
  if (whole.ok) return whole;
  // A code is at least its first piece.
  for (let end = pieces.length - 1; end >= 1; end--) {
    const shorter = await parseCompactCode(pieces.slice(0, end).join(''));
    if (shorter.ok) return shorter;
  }
  return whole;
}

/** A code without spaces. */
async function parseCompactCode(compact: string): Promise<Parsed<ResultFile>> {
  if (compact === '') return refused('code.empty');
  const mark = /^LB(\d{1,6})\./.exec(compact);
  if (!mark) return refused('code.foreign', { prefix: RESULT_CODE_PREFIX });
  const version = Number(mark[1]);
  if (version > RESULT_CODE_VERSION) return refused('code.newer', { version, supported: RESULT_CODE_VERSION });
  if (version !== RESULT_CODE_VERSION) return refused('code.unknownVersion', { version });
  const bytes = fromBase64Url(compact.slice(mark[0].length));
  if (!bytes || bytes.length === 0) return refused('code.badCharacters');
  let inflated: Uint8Array | 'too-large';
  try {
    inflated = await drain(bytesStream(bytes).pipeThrough(new DecompressionStream('deflate-raw') as unknown as ByteTransform), MAX_RESULT_BYTES);
  } catch {
    return refused('code.damaged');
  }
  if (inflated === 'too-large') return refused('code.tooLargeUnpacked', { max: MAX_RESULT_BYTES / 1024 / 1024 });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(inflated);
  } catch {
    return refused('code.notText');
  }
  return parseResult(text);
}

/** The alias as stored in a result file (trimmed), or null if it is not a valid alias. */
export function cleanAlias(alias: string): string | null {
  return isValidAlias(alias) ? alias.trim() : null;
}

/** At the start of a line: e-mail quoting (`> `, `>> `), bullets (`-`, `*`, `•`) and numbers (`1.`, `2)`, `#3`). */
const LINE_MARKS = /^[ \t]*(?:(?:>[ \t]?)+|[-*•·‣▪◦][ \t]+|#?\d{1,4}[.):][ \t]+)+/gm;

/**
 * The result codes in a pasted text, however it was wrapped: names and numbers before them,
 * bullets, e-mail quoting, line breaks around or inside them. A code is `LB<n>.` and the
 * base64url characters after it, across spaces and line breaks, up to anything else (a dot,
 * a colon, the next code). Each comes back with its pieces separated by one space: a piece
 * after a break may be a word of the message rather than the end of the code, and
 * `parseResultCode` tells which by unpacking.
 */
export function findResultCodes(text: string): string[] {
  const clean = text.replace(LINE_MARKS, '');
  // Each code's start, then its characters up to the next start. (One pattern with a lookahead
  // at every character, as this once was, overflows the regular-expression stack on a run of
  // about ten million code characters.)
  const starts = [...clean.matchAll(/LB\d{1,6}\./g)];
  const body = /[A-Za-z0-9_\-\s]*/y;
  return starts.map((start, i) => {
    body.lastIndex = start.index + start[0].length;
    body.exec(clean);
    const end = Math.min(body.lastIndex, starts[i + 1]?.index ?? clean.length);
    return clean.slice(start.index, end).trim().split(/\s+/).join(' ');
  });
}
