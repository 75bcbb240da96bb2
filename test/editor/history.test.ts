import { describe, expect, it } from 'vitest';
import { canRedo, canUndo, record, redo, startHistory, undo } from '../../src/editor/history';

const options = { max: 3, mergeMs: 2000 };

describe('the editor’s undo history', () => {
  it('undoes and redoes step by step, and a new edit forgets what was undone', () => {
    let h = startHistory('a');
    h = record(h, 'b', 0, undefined, options);
    h = record(h, 'c', 10_000, undefined, options);
    expect(canRedo(h)).toBe(false);
    h = undo(h);
    expect(h.present).toBe('b');
    h = undo(h);
    expect(h.present).toBe('a');
    expect(canUndo(h)).toBe(false);
    expect(undo(h)).toBe(h);
    h = redo(h);
    expect(h.present).toBe('b');
    h = record(h, 'd', 20_000, undefined, options);
    expect(canRedo(h)).toBe(false);
    expect(undo(h).present).toBe('b');
  });

  it('makes edits of one field in quick succession one step, and not edits of another field or later ones', () => {
    let h = startHistory('');
    h = record(h, 'k', 0, 'form:id', options);
    h = record(h, 'ka', 500, 'form:id', options);
    h = record(h, 'kat', 1000, 'form:id', options);
    expect(h.past).toEqual(['']);
    h = record(h, 'kat!', 1200, 'form:name', options);
    h = record(h, 'kat!?', 9000, 'form:name', options);
    expect(h.past).toEqual(['', 'kat', 'kat!']);
    // After an undo the next edit starts a step of its own, even on the same field.
    h = undo(h);
    h = record(h, 'x', 9100, 'form:name', options);
    expect(h.past).toEqual(['', 'kat', 'kat!']);
  });

  it('keeps at most `max` steps back', () => {
    let h = startHistory(0);
    for (let i = 1; i <= 6; i++) h = record(h, i, i * 10_000, undefined, options);
    expect(h.past).toEqual([3, 4, 5]);
  });

  it('records nothing for the same state', () => {
    const h = startHistory({ n: 1 });
    expect(record(h, h.present, 0)).toBe(h);
  });
});
