import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_RATE, SOUNDS_DIR, SOUND_FILES, renderSounds } from '../../scripts/make-sounds';

const TOTAL_BUDGET_BYTES = 400 * 1024;

describe('the committed sound files', () => {
  it('are exactly what scripts/make-sounds.ts makes (run `npx tsx scripts/make-sounds.ts` after changing it)', () => {
    for (const [file, bytes] of renderSounds()) {
      const committed = readFileSync(join(SOUNDS_DIR, file));
      expect(Buffer.compare(committed, Buffer.from(bytes)), file).toBe(0);
    }
  });

  it('are small mono 16-bit PCM WAV files at 22,050 Hz, under 400 KB together', () => {
    const files = readdirSync(SOUNDS_DIR).filter((f) => f.endsWith('.wav'));
    expect(files.sort()).toEqual(SOUND_FILES.map((n) => `${n}.wav`).sort());
    let total = 0;
    for (const file of files) {
      const bytes = readFileSync(join(SOUNDS_DIR, file));
      total += statSync(join(SOUNDS_DIR, file)).size;
      expect(bytes.toString('ascii', 0, 4) + bytes.toString('ascii', 8, 12), file).toBe('RIFFWAVE');
      expect(bytes.readUInt16LE(20), `${file} format`).toBe(1);
      expect(bytes.readUInt16LE(22), `${file} channels`).toBe(1);
      expect(bytes.readUInt32LE(24), `${file} rate`).toBe(SAMPLE_RATE);
      expect(bytes.readUInt16LE(34), `${file} bits`).toBe(16);
      expect(bytes.readUInt32LE(40), `${file} data size`).toBe(bytes.length - 44);
    }
    expect(total).toBeLessThan(TOTAL_BUDGET_BYTES);
  });

  it('the ambience loops without a click: its last sample leads into its first like any neighbours', () => {
    const bytes = readFileSync(join(SOUNDS_DIR, 'ambience.wav'));
    const n = (bytes.length - 44) / 2;
    const at = (i: number) => bytes.readInt16LE(44 + i * 2);
    let largestStep = 0;
    for (let i = 1; i < n; i++) largestStep = Math.max(largestStep, Math.abs(at(i) - at(i - 1)));
    expect(Math.abs(at(0) - at(n - 1))).toBeLessThanOrEqual(largestStep);
  });
});
