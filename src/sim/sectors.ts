import { SECTORS, type Sector } from '../levels/constants';
import type { SectorMap } from './state';

/** A value for every sector, built in the fixed sector order. */
export function sectorMap(value: (sector: Sector) => number): SectorMap {
  return Object.fromEntries(SECTORS.map((s) => [s, value(s)])) as SectorMap;
}

/**
 * The services a city cannot go without for a day: people die when hospitals and water
 * fail, and security holds the rest together. Coordinators serve them first; the trust
 * and lives they cost when short are the heaviest.
 */
export const ESSENTIAL_SECTORS: readonly Sector[] = ['hospitals', 'water', 'security'];
export const isEssential = (sector: Sector): boolean => ESSENTIAL_SECTORS.includes(sector);
