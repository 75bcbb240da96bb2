/**
 * The map's look in one place. A dark, warm theme (the page's #1d1b16) with the Okabe–Ito
 * colour-blind-safe palette for meaning: risk runs sky blue → orange → vermillion, and every
 * colour has a second cue (line width and dashes for risk, marker shapes for status).
 * Sizes are CSS pixels; the scene multiplies them by the device pixel ratio.
 */
import type { RiskLevel } from './model';

export const COLORS = {
  sea: 0x111b22,
  land: 0x26241f,
  mali: 0x39352b,
  border: 0x5e584c,
  maliBorder: 0xc9b27c,
  coast: 0x3d5663,
  countryLabel: '#8d8676',
  maliLabel: '#d8c79b',
  casing: 0x0d0c0a,
  townFill: 0xf4ecd8,
  townStroke: 0x0d0c0a,
  labelText: '#f1e9d6',
  labelMuted: '#b9b09a',
  labelStroke: '#0d0c0a',
  fallen: 0xd55e00,
  fallenText: '#ff9a5c',
  unit: 0x009e73,
  unitLight: 0x7fd8bd,
  intel: 0xf0e442,
  intelText: '#f6ef9a',
  selection: 0xffffff,
  corridorText: '#c7bda5',
  blockadeText: '#ff9a5c',
  convoyFill: 0xf4ecd8,
  convoyText: '#14120e',
  convoyHeld: 0xe69f00,
  convoyHalted: 0x9a9486,
  legendBg: 0x15140f,
} as const;

export interface RiskStyle {
  color: number;
  /** CSS pixels. */
  width: number;
  /** Dash and gap lengths in CSS pixels, or null for a solid line. */
  dash: readonly [number, number] | null;
}

/** The page's colour setting (`data-palette` on the root element, see app/settings.ts). */
export type Palette = 'default' | 'colour-blind';

/**
 * Road risk by palette. Okabe–Ito by default; in colour-blind mode, Paul Tol's "bright"
 * colours as the HUD uses them (cyan, yellow, rose). Width and dashes tell the levels apart
 * without colour in both.
 */
export function riskStyles(palette: Palette): Record<RiskLevel, RiskStyle> {
  const colour = palette === 'colour-blind' ? { low: 0x66ccee, medium: 0xccbb44, high: 0xee6677 } : { low: 0x56b4e9, medium: 0xe69f00, high: 0xd55e00 };
  return {
    low: { color: colour.low, width: 2.5, dash: null },
    medium: { color: colour.medium, width: 3.5, dash: null },
    high: { color: colour.high, width: 4.5, dash: [9, 5] },
  };
}

export function pagePalette(root: HTMLElement): Palette {
  return root.dataset.palette === 'colour-blind' ? 'colour-blind' : 'default';
}

export const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif';

export const SIZES = {
  capital: 10,
  city: 5.5,
  rural: 5,
  entry: 7,
  townLabel: 13,
  capitalLabel: 16,
  countryLabel: 12,
  maliLabel: 18,
  corridorLabel: 11.5,
  convoyLabel: 11,
  intelLabel: 11,
  /** Pixels around a thing within which a tap or click picks it (touch targets ≥ 24 px). */
  hitRadius: 14,
} as const;

/** Zoom range relative to the fitted view. */
export const ZOOM = { min: 0.6, max: 8, step: 1.25 } as const;

/** Margins around the towns in the default view, in CSS pixels (room for labels). */
export const FIT_PADDING = { x: 90, y: 56 } as const;
