import { describe, expect, it } from 'vitest';
import { playMatch } from '../../src/ai/match';
import { reasonText } from '../../src/ai/reasons';
import { catalogs } from '../../src/strings';
import { shippedContext } from '../helpers';

const ctx = shippedContext('bamako-2025', 30);

describe('the blockade explains every move in English and French', () => {
  const { state } = playMatch(ctx, { seed: 2, difficulty: 'hard', policy: 'baseline' });

  it('has a catalog sentence, with every placeholder filled, for each move of a real game', () => {
    const kinds = new Set(state.aiMoves.map((m) => m.kind));
    expect(kinds.size).toBeGreaterThanOrEqual(4);
    for (const move of state.aiMoves) {
      const { key, params } = reasonText(ctx, move);
      for (const lang of ['en', 'fr'] as const) {
        const template = catalogs[lang][key];
        expect(template, `${lang} ${key}`).toBeDefined();
        for (const [, name] of template!.matchAll(/\{(\w+)\}/g)) expect(params, `${key} needs {${name}}`).toHaveProperty(name!);
      }
    }
  });

  it('names roads and towns as players know them', () => {
    const ambush = state.aiMoves.find((m) => m.kind === 'ambush');
    expect(ambush).toBeDefined();
    const road = ctx.roads.get(ambush!.target)!;
    expect(reasonText(ctx, ambush!).params.road).toBe(`${ctx.towns.get(road.from)!.name}–${ctx.towns.get(road.to)!.name}`);
  });
});
