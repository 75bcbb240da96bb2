import { describe, expect, it } from 'vitest';
import { parseLevel } from '../../src/levels/parse';
import { POLICIES } from '../../src/levels/schema';
import { fixture, makeCtx, start } from './fixture';

describe('the test fixture', () => {
  it('is a valid level with no warnings, as a designer would write it', () => {
    const result = parseLevel(JSON.stringify(fixture(), null, 2), 'fixture.json');
    expect(result).toMatchObject({ ok: true, warnings: [] });
  });

  it('has the shape the rule tests rely on', () => {
    const ctx = makeCtx();
    const kinds = ctx.level.towns.map((t) => t.kind).sort();
    expect(kinds).toEqual(['border', 'border', 'capital', 'city', 'rural', 'rural']);
    expect(ctx.level.towns.filter((t) => t.kind === 'rural').every((t) => t.garrisonNeed > 0)).toBe(true);
    expect(ctx.level.corridors).toHaveLength(2);
    expect(ctx.level.units).toHaveLength(3);
    expect(ctx.level.blockade.cells).toEqual({ easy: 1, normal: 2, hard: 3 });
    expect(ctx.level.policies).toEqual([...POLICIES]);
    expect(ctx.level.events).toHaveLength(2);
    expect(ctx.level.randomEvents).toEqual([]);
    expect(ctx.routes.get('kayes-gate')?.length).toBeGreaterThan(1);
    for (const difficulty of ['easy', 'normal', 'hard'] as const) {
      expect(start(1, difficulty).state.cells).toHaveLength(ctx.level.blockade.cells[difficulty]);
    }
  });
});
