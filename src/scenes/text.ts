/**
 * Text on the map. Phaser measures a font's ascent and descent by drawing it on a scratch
 * canvas and scanning the pixels, for every text object it creates: with a label for each
 * town, corridor, report and convoy, that was a tenth of the map's start-up. The font's
 * metrics depend only on the font, so each is measured once per scene and handed to the next
 * text in the same font.
 */
import type * as Phaser from 'phaser';

type TextStyle = Phaser.Types.GameObjects.Text.TextStyle;
type Metrics = Phaser.Types.GameObjects.Text.TextMetrics;

const measured = new WeakMap<Phaser.Scene, Map<string, Metrics>>();

export function addText(scene: Phaser.Scene, x: number, y: number, content: string, style: TextStyle): Phaser.GameObjects.Text {
  let fonts = measured.get(scene);
  if (!fonts) measured.set(scene, (fonts = new Map()));
  const font = `${style.fontStyle ?? ''} ${String(style.fontSize ?? '')} ${style.fontFamily ?? ''}`;
  const known = fonts.get(font);
  const text = scene.add.text(x, y, content, known ? { ...style, metrics: known } : style);
  if (!known) fonts.set(font, text.style.getTextMetrics());
  return text;
}
