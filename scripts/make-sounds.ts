/**
 * Synthesises the game's sounds into `assets/sounds/` as small WAV files (mono, 22,050 Hz,
 * 16-bit PCM), so that every sound is made by code in this repository: no downloads, no
 * licences to track. Deterministic: the noise comes from a seeded generator, so running the
 * script again rewrites the same bytes (a test checks that the committed files are current).
 *
 *     npx tsx scripts/make-sounds.ts
 *
 * Tone: the game is about a real blockade. The sounds are quiet and plain: a low city hum,
 * an engine turning over, a soft chime, a distant muffled thud, a two-note notice, a tick.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const SAMPLE_RATE = 22_050;
export const SOUND_FILES = ['ambience', 'depart', 'arrive', 'attack', 'alert', 'click'] as const;
export type SoundFile = (typeof SOUND_FILES)[number];

const TAU = 2 * Math.PI;

/** mulberry32: a tiny seeded generator, enough for noise. Returns values in [-1, 1). */
function noiseSource(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) / 4_294_967_296) * 2 - 1;
  };
}

const samples = (seconds: number): Float64Array => new Float64Array(Math.round(seconds * SAMPLE_RATE));

/** Coefficient of a one-pole low-pass filter with the given cutoff. */
const onePole = (cutoffHz: number): number => 1 - Math.exp((-TAU * cutoffHz) / SAMPLE_RATE);

/**
 * One-pole low-pass in place, applied `order` times for a steeper slope (6 dB/octave each).
 * `circular` runs a first pass to settle the filter on the tail, so a loop has no seam.
 */
function lowPass(buffer: Float64Array, cutoffHz: number, circular = false, order = 1): Float64Array {
  const k = onePole(cutoffHz);
  for (let o = 0; o < order; o++) {
    let y = 0;
    if (circular) for (const x of buffer) y += k * (x - y);
    for (let i = 0; i < buffer.length; i++) {
      y += k * (buffer[i]! - y);
      buffer[i] = y;
    }
  }
  return buffer;
}

/** Band-pass as the difference of two low-passes (cheap; a third-order top keeps the hiss out of the wind). */
function bandPass(source: Float64Array, lowHz: number, highHz: number, circular = false): Float64Array {
  const high = lowPass(Float64Array.from(source), highHz, circular, 3);
  const low = lowPass(Float64Array.from(source), lowHz, circular, 3);
  return high.map((v, i) => v - low[i]!);
}

function whiteNoise(length: number, seed: number): Float64Array {
  const next = noiseSource(seed);
  const out = new Float64Array(length);
  for (let i = 0; i < length; i++) out[i] = next();
  return out;
}

/** Scales a buffer so that its largest sample is `peak`. */
function normalise(buffer: Float64Array, peak: number): Float64Array {
  let max = 0;
  for (const v of buffer) max = Math.max(max, Math.abs(v));
  if (max === 0) return buffer;
  return buffer.map((v) => (v / max) * peak);
}

/** Short linear fades at both ends so that no one-shot sound starts or stops with a click. */
function fadeEdges(buffer: Float64Array, fadeInS: number, fadeOutS: number): Float64Array {
  const fin = Math.max(1, Math.round(fadeInS * SAMPLE_RATE));
  const fout = Math.max(1, Math.round(fadeOutS * SAMPLE_RATE));
  for (let i = 0; i < fin && i < buffer.length; i++) buffer[i]! *= i / fin;
  for (let i = 0; i < fout && i < buffer.length; i++) buffer[buffer.length - 1 - i]! *= i / fout;
  return buffer;
}

/**
 * A soft, seamless loop: wind (band-passed noise, filtered circularly) swelling slowly, over
 * a faint low city hum. Every periodic part has a whole number of cycles in the loop, so the
 * last sample leads straight back into the first.
 */
function ambience(): Float64Array {
  const seconds = 4;
  const out = samples(seconds);
  const n = out.length;
  const wind = normalise(bandPass(whiteNoise(n, 11), 120, 700, true), 1);
  const gust = normalise(bandPass(whiteNoise(n, 12), 400, 1400, true), 1);
  for (let i = 0; i < n; i++) {
    const phase = i / n;
    // Swells with 1 and 3 cycles per loop, so the envelope is periodic too.
    const swell = 0.65 + 0.25 * Math.sin(TAU * phase) + 0.1 * Math.sin(TAU * 3 * phase + 1.3);
    const gustEnv = 0.5 + 0.5 * Math.sin(TAU * 2 * phase + 0.4);
    // 55 Hz and 110 Hz: 220 and 440 whole cycles in four seconds; a trace of distant traffic.
    const hum = 0.12 * Math.sin(TAU * 55 * (i / SAMPLE_RATE)) + 0.06 * Math.sin(TAU * 110 * (i / SAMPLE_RATE) + 0.5);
    out[i] = 0.7 * swell * wind[i]! + 0.12 * gustEnv * gust[i]! + hum;
  }
  return normalise(out, 0.3);
}

/** An engine turning over and settling into a low idle: firing pulses that speed up, over a rumble. */
function depart(): Float64Array {
  const out = samples(1.4);
  const n = out.length;
  const body = lowPass(whiteNoise(n, 21), 180);
  const rumble = normalise(lowPass(lowPass(whiteNoise(n, 22), 90), 90), 1);
  let firing = 0;
  for (let i = 0; i < n; i++) {
    const s = i / SAMPLE_RATE;
    // Cranking at 7 Hz, catching and revving to 24 Hz, then easing back to an idle.
    const rate = s < 0.35 ? 7 : s < 0.7 ? 7 + ((s - 0.35) / 0.35) * 17 : 24 - ((s - 0.7) / 0.7) * 6;
    firing += rate / SAMPLE_RATE;
    const pulse = Math.pow(1 - (firing % 1), 6);
    const level = Math.min(1, s / 0.1) * (s < 1.1 ? 1 : 1 - (s - 1.1) / 0.3);
    const tone = Math.sin(TAU * (38 + 8 * Math.min(1, s / 0.7)) * s);
    out[i] = level * (0.9 * pulse * (body[i]! * 8 + 0.4 * tone) + 0.45 * rumble[i]!);
  }
  return fadeEdges(normalise(lowPass(out, 700), 0.55), 0.01, 0.05);
}

/** A gentle rising chime (two soft bell-like notes, a major third apart). */
function arrive(): Float64Array {
  const out = samples(1.1);
  const notes = [
    { at: 0, hz: 523.25 },
    { at: 0.16, hz: 659.25 },
  ];
  for (let i = 0; i < out.length; i++) {
    const s = i / SAMPLE_RATE;
    let v = 0;
    for (const note of notes) {
      const t = s - note.at;
      if (t < 0) continue;
      const attack = Math.min(1, t / 0.008);
      const env = attack * Math.exp(-t * 4.2);
      // A quiet inharmonic partial gives the bell its colour without sharpness.
      v += env * (Math.sin(TAU * note.hz * t) + 0.25 * Math.sin(TAU * note.hz * 2 * t) * Math.exp(-t * 6) + 0.08 * Math.sin(TAU * note.hz * 2.76 * t) * Math.exp(-t * 9));
    }
    out[i] = v;
  }
  return fadeEdges(normalise(out, 0.45), 0.002, 0.08);
}

/**
 * Something heavy, far away: a low thump whose pitch sinks, through heavily low-passed noise,
 * with a short rolling tail. Muffled on purpose: the game reports attacks, it does not stage them.
 */
function attack(): Float64Array {
  const out = samples(1.1);
  const n = out.length;
  const dust = lowPass(lowPass(whiteNoise(n, 41), 300), 220);
  const roll = normalise(lowPass(lowPass(whiteNoise(n, 42), 70), 70), 1);
  let phase = 0;
  for (let i = 0; i < n; i++) {
    const s = i / SAMPLE_RATE;
    const hz = 38 + 50 * Math.exp(-s * 9);
    phase += (TAU * hz) / SAMPLE_RATE;
    const attackEnv = Math.min(1, s / 0.012);
    const thump = attackEnv * Math.exp(-s * 7) * Math.sin(phase);
    const crack = attackEnv * Math.exp(-s * 18) * dust[i]! * 6;
    const tail = Math.min(1, s / 0.08) * Math.exp(-s * 3.2) * roll[i]! * 0.35;
    out[i] = thump + crack + tail;
  }
  return fadeEdges(normalise(lowPass(out, 400), 0.6), 0.002, 0.1);
}

/** A two-tone notice, falling a fourth: noticeable, not an alarm. */
function alert(): Float64Array {
  const out = samples(0.5);
  const tones = [
    { at: 0, hz: 880, length: 0.18 },
    { at: 0.2, hz: 659.25, length: 0.26 },
  ];
  for (let i = 0; i < out.length; i++) {
    const s = i / SAMPLE_RATE;
    let v = 0;
    for (const tone of tones) {
      const t = s - tone.at;
      if (t < 0 || t > tone.length) continue;
      const env = Math.min(1, t / 0.01) * Math.min(1, (tone.length - t) / 0.06);
      v += env * (Math.sin(TAU * tone.hz * t) + 0.2 * Math.sin(TAU * tone.hz * 2 * t));
    }
    out[i] = v;
  }
  return fadeEdges(normalise(out, 0.4), 0.002, 0.02);
}

/** A soft UI tick: a very short, damped high note with a breath of noise. */
function click(): Float64Array {
  const out = samples(0.035);
  const grit = whiteNoise(out.length, 61);
  for (let i = 0; i < out.length; i++) {
    const s = i / SAMPLE_RATE;
    out[i] = Math.exp(-s * 180) * (Math.sin(TAU * 1800 * s) + 0.15 * grit[i]!);
  }
  return fadeEdges(normalise(out, 0.3), 0.0005, 0.004);
}

const makers: Record<SoundFile, () => Float64Array> = { ambience, depart, arrive, attack, alert, click };

/** A mono 16-bit PCM WAV file. */
export function encodeWav(buffer: Float64Array): Uint8Array {
  const dataBytes = buffer.length * 2;
  const bytes = new Uint8Array(44 + dataBytes);
  const view = new DataView(bytes.buffer);
  const ascii = (at: number, text: string) => {
    for (let i = 0; i < text.length; i++) view.setUint8(at + i, text.charCodeAt(i));
  };
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, SAMPLE_RATE, true);
  view.setUint32(28, SAMPLE_RATE * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  ascii(36, 'data');
  view.setUint32(40, dataBytes, true);
  for (let i = 0; i < buffer.length; i++) {
    const v = Math.max(-1, Math.min(1, buffer[i]!));
    view.setInt16(44 + i * 2, Math.round(v * 32767), true);
  }
  return bytes;
}

/** Every sound, rendered and encoded, by file name (`ambience.wav`, …). */
export function renderSounds(): Map<string, Uint8Array> {
  return new Map(SOUND_FILES.map((name) => [`${name}.wav`, encodeWav(makers[name]())]));
}

export const SOUNDS_DIR = fileURLToPath(new URL('../assets/sounds/', import.meta.url));

function main(): void {
  mkdirSync(SOUNDS_DIR, { recursive: true });
  let total = 0;
  for (const [file, bytes] of renderSounds()) {
    writeFileSync(join(SOUNDS_DIR, file), bytes);
    total += bytes.length;
    process.stdout.write(`${file.padEnd(14)} ${(bytes.length / 1024).toFixed(1).padStart(6)} KB\n`);
  }
  process.stdout.write(`${'total'.padEnd(14)} ${(total / 1024).toFixed(1).padStart(6)} KB\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
