/**
 * The map's legend, as HTML over the canvas rather than pixels inside it: screen readers read
 * it, browser text zoom enlarges it, and its toggle is an ordinary button in the tab order.
 * The icons are the very shapes the map draws, as SVG pictures.
 */
import { t, type StringKey } from '../app/i18n';
import { ICON, iconImage, type IconKey } from './icons';
import { COLORS, riskStyles, type Palette } from './style';

export interface Legend {
  element: HTMLElement;
  toggle(): void;
  /** Closes the legend (not by the player: it would hide a town). */
  close(): void;
  /** Keep clear of the page's panels over the map (CSS pixels). */
  place(insets: { bottom: number; left: number }): void;
  destroy(): void;
}

let legends = 0;
const hex = (color: number): string => `#${color.toString(16).padStart(6, '0')}`;

export function createLegend(parent: HTMLElement, openInitially: boolean, palette: Palette): Legend {
  const risk = riskStyles(palette);
  // A landmark of its own: what the map's shapes and colours mean.
  const root = document.createElement('aside');
  root.setAttribute('aria-label', t('map.legend.title'));
  root.className = 'map-legend';
  Object.assign(root.style, {
    position: 'absolute',
    left: '8px',
    bottom: '8px',
    zIndex: '2',
    width: 'min(23rem, calc(100% - 16px))',
    // Folded, the box is as wide as the open legend: only its button and panel take touches.
    pointerEvents: 'none',
    font: '0.8125rem/1.35 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
    color: COLORS.labelText,
  });

  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'map-legend-toggle';
  button.textContent = t('map.legend.title');
  button.title = t('map.legend.toggle');
  Object.assign(button.style, {
    minHeight: '28px',
    padding: '2px 10px',
    font: 'inherit',
    fontWeight: '600',
    color: COLORS.labelText,
    background: 'rgba(21, 20, 15, 0.92)',
    border: '1px solid #5e584c',
    borderRadius: '6px',
    cursor: 'pointer',
    pointerEvents: 'auto',
  });

  const panel = document.createElement('div');
  panel.className = 'map-legend-panel';
  legends += 1;
  panel.id = `map-legend-${legends}`;
  button.setAttribute('aria-controls', panel.id);
  Object.assign(panel.style, {
    pointerEvents: 'auto',
    marginTop: '4px',
    padding: '8px 10px',
    background: 'rgba(21, 20, 15, 0.92)',
    border: '1px solid #5e584c',
    borderRadius: '6px',
  });

  const heading = document.createElement('p');
  heading.textContent = t('map.legend.risk');
  Object.assign(heading.style, { margin: '0 0 4px', fontWeight: '600' });
  panel.append(heading);

  const risks = document.createElement('ul');
  Object.assign(risks.style, { listStyle: 'none', margin: '0 0 6px', padding: '0', display: 'flex', gap: '10px', flexWrap: 'wrap' });
  for (const level of ['low', 'medium', 'high'] as const) {
    const item = document.createElement('li');
    Object.assign(item.style, { display: 'flex', alignItems: 'center', gap: '4px' });
    const swatch = document.createElement('span');
    swatch.setAttribute('aria-hidden', 'true');
    const style = risk[level];
    const color = hex(style.color);
    Object.assign(swatch.style, {
      display: 'inline-block',
      width: '24px',
      height: '0',
      borderTop: `${Math.round(style.width)}px ${style.dash ? 'dashed' : 'solid'} ${color}`,
      outline: '1px solid #0d0c0a',
    });
    const label = document.createElement('span');
    label.textContent = t(`map.legend.${level}`);
    item.append(swatch, label);
    risks.append(item);
  }
  panel.append(risks);

  const symbols = document.createElement('ul');
  Object.assign(symbols.style, { listStyle: 'none', margin: '0', padding: '0', display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(10.5rem, 1fr))', gap: '2px 10px' });
  const rows: [IconKey, StringKey][] = [
    [ICON.capital, 'map.legend.capital'],
    [ICON.city, 'map.legend.city'],
    [ICON.rural, 'map.legend.town'],
    [ICON.fallen, 'map.legend.fallen'],
    [ICON.entryOpen, 'map.legend.entry'],
    [ICON.convoyMoving, 'map.legend.convoy'],
    [ICON.shield, 'map.legend.unit'],
    [ICON.ambush, 'map.legend.intel'],
  ];
  for (const [icon, key] of rows) {
    const item = document.createElement('li');
    Object.assign(item.style, { display: 'flex', alignItems: 'center', gap: '6px' });
    const box = document.createElement('span');
    Object.assign(box.style, { width: '26px', display: 'inline-flex', justifyContent: 'center', flex: 'none' });
    const img = document.createElement('img');
    img.src = iconImage(icon).url;
    img.alt = '';
    img.style.height = icon === ICON.convoyMoving ? '17px' : '16px';
    box.append(img);
    const label = document.createElement('span');
    label.textContent = t(key);
    item.append(box, label);
    symbols.append(item);
  }
  panel.append(symbols);

  root.append(button, panel);
  if (getComputedStyle(parent).position === 'static') parent.style.position = 'relative';
  parent.append(root);

  const set = (open: boolean): void => {
    panel.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
  };
  set(openInitially);
  const toggle = (): void => set(panel.hidden);
  button.addEventListener('click', toggle);

  return {
    element: root,
    toggle,
    close: () => set(false),
    place: ({ bottom, left }) => {
      root.style.left = `${left + 8}px`;
      root.style.bottom = `${bottom + 8}px`;
    },
    destroy: () => {
      button.removeEventListener('click', toggle);
      root.remove();
    },
  };
}

/** Whether a box (CSS pixels, like the markers) hides any part of a marker, with a margin for the eye. */
export function hidesAMarker(box: { left: number; top: number; right: number; bottom: number }, markers: readonly { x: number; y: number; radius: number }[], margin = 6): boolean {
  return markers.some(
    (m) => m.x + m.radius + margin > box.left && m.x - m.radius - margin < box.right && m.y + m.radius + margin > box.top && m.y - m.radius - margin < box.bottom,
  );
}
