import { SECTORS, type Sector } from '../levels/constants';
import type { SectorMap } from './state';

/** A value for every sector, built in the fixed sector order. */
export function sectorMap(value: (sector: Sector) => number): SectorMap {
  return Object.fromEntries(SECTORS.map((s) => [s, value(s)])) as SectorMap;
}
