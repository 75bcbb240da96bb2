/** The debrief's charts: what can be checked without drawing them. */
import { describe, expect, it } from 'vitest';
import { dayRange, type LineSeries } from '../../src/ui/charts';

describe('the days axis', () => {
  const values = [1, 2, 3];
  const line: { series: LineSeries[] } = { series: [{ label: 'stock', values, color: 'accent' }] };
  const bars: { series: LineSeries[] } = {
    series: [
      { label: 'delivered', values, color: 'good', bars: -1 },
      { label: 'lost', values, color: 'bad', bars: 1 },
    ],
  };

  it('runs from the first day to the last for lines', () => {
    expect(dayRange(line, 1, 10)).toEqual([1, 10]);
  });

  it('leaves half a day each side for bars beside their day, so day 1’s bar is whole', () => {
    expect(dayRange(bars, 1, 10)).toEqual([0.5, 10.5]);
  });
});
