/**
 * The bytes of a level file → its text. Level files are UTF-8; an editor may save them as
 * UTF-16 (Windows Notepad's "Unicode"), as Latin-1 (Windows-1252), or the designer may
 * pick the wrong file. Each gets one problem that says how to fix it, not a page of syntax
 * errors about NUL characters or a line with no position.
 *
 * The decoder is written out rather than taken from TextDecoder because the pure core is
 * typed without the DOM and Node libraries, and because it must say where the first bad
 * byte is, which TextDecoder does not.
 */
import { ROOT_PATH, type LevelProblem } from './problem';

const RESAVE = 'save it again as UTF-8 (in most editors: "Save with encoding" or "Save as…", then UTF-8)';

export type Decoded = { ok: true; text: string } | { ok: false; problem: LevelProblem };

export function decodeLevelBytes(bytes: Uint8Array, file: string): Decoded {
  const problem = (line: number, col: number, message: string): Decoded => ({
    ok: false,
    problem: { file, line, col, path: ROOT_PATH, message, severity: 'error' },
  });
  const utf16 = utf16Kind(bytes);
  if (utf16 !== undefined) return problem(1, 1, `the file is UTF-16 text (${utf16}), not UTF-8; ${RESAVE}`);
  if (looksBinary(bytes)) return problem(1, 1, `the file is not text (it has bytes no text file has); a level is a JSON text file in UTF-8: check that this is the right file, or ${RESAVE}`);
  const decoded = decodeUtf8(bytes);
  if (typeof decoded === 'string') return { ok: true, text: decoded };
  const byte = (bytes[decoded.offset] ?? 0).toString(16).toUpperCase().padStart(2, '0');
  return problem(
    decoded.line,
    decoded.col,
    `byte 0x${byte} is not UTF-8: the file looks like it was saved as Latin-1 or Windows-1252 (accented letters such as "é" are stored differently); ${RESAVE}`,
  );
}

/** 'with a byte-order mark', 'without a byte-order mark', or undefined when the bytes are not UTF-16. */
function utf16Kind(bytes: Uint8Array): string | undefined {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return 'with a byte-order mark';
  // Without a mark, ASCII text in UTF-16 has a zero byte beside every character: on one side only.
  const sample = Math.min(bytes.length, 4096);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample; i++) {
    if (bytes[i] !== 0) continue;
    if (i % 2 === 0) even++;
    else odd++;
  }
  const pairs = Math.floor(sample / 2);
  return pairs > 0 && Math.max(even, odd) >= pairs * 0.3 && Math.min(even, odd) === 0 ? 'without a byte-order mark' : undefined;
}

/** Control bytes other than tab, line feed and carriage return: JSON text never has them unescaped. */
function looksBinary(bytes: Uint8Array): boolean {
  for (const b of bytes) if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) || b === 0x7f) return true;
  return false;
}

/**
 * The text, or where the first byte that is not UTF-8 is, as 1-based line:col counted in
 * UTF-16 code units (what editors and the rest of the loader count).
 */
function decodeUtf8(bytes: Uint8Array): string | { offset: number; line: number; col: number } {
  const units: number[] = [];
  let text = '';
  let line = 1;
  let col = 1;
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    let point = length === 1 ? lead : length === 2 ? lead & 0x1f : length === 3 ? lead & 0x0f : lead & 0x07;
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return { offset: i, line, col };
      point = (point << 6) | (next & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8 either.
    const tooShort = (length === 3 && point < 0x800) || (length === 4 && point < 0x10000);
    if (length === 0 || tooShort || (point >= 0xd800 && point <= 0xdfff) || point > 0x10ffff) return { offset: i, line, col };
    if (point === 0x0a || (point === 0x0d && bytes[i + 1] !== 0x0a)) {
      line++;
      col = 1;
    } else col += point > 0xffff ? 2 : 1;
    if (point > 0xffff) units.push(0xd800 + ((point - 0x10000) >> 10), 0xdc00 + ((point - 0x10000) & 0x3ff));
    else units.push(point);
    // In slices, so that String.fromCharCode never gets more arguments than the engine allows.
    if (units.length >= 8192) text += String.fromCharCode(...units.splice(0));
    i += length;
  }
  return text + String.fromCharCode(...units);
}
