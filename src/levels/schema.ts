/**
 * The level format. A level is a JSON file in `levels/`; this zod schema is the single
 * definition of its shape, the source of `levels/schema.json` (editor autocomplete) and of
 * the `Level` type the simulation reads.
 */
import { z } from 'zod';

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lower-case letters, digits and dashes, like "kayes" or "rn7-south"')
  .max(64)
  .describe('Identifier used by other parts of the level to refer to this item.');

export const text = z
  .object({
    en: z.string().min(1).max(2000).describe('English text.'),
    fr: z.string().min(1).max(2000).describe('French text.'),
  })
  .strict()
  .describe('Text shown to players, in English and French.');

const pct = z.number().int().min(0).max(100);

export const SECTORS = ['power', 'hospitals', 'water', 'transport', 'schools', 'security', 'retail'] as const;
export const sectorId = z.enum(SECTORS);

export const POLICIES = [
  'purchaseCap',
  'priceControls',
  'closeSchools',
  'curfew',
  'banRuralSales',
  'hazardPay',
  'alternateCorridor',
  'emergencyAirlift',
  'commsCampaign',
  'alliedHelp',
] as const;
export const policyId = z.enum(POLICIES);

export const source = z
  .object({
    id,
    publisher: z.string().min(1).max(200),
    title: z.string().min(1).max(400),
    date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date like 2025-10-28 or 2025-10').describe('Publication date.'),
    url: z.string().url().max(500).describe('Where the source can be read.'),
    supports: z.string().max(1000).optional().describe('Which facts the source supports.'),
  })
  .strict();

export const town = z
  .object({
    id,
    name: z.string().min(1).max(100),
    lat: z.number().min(-90).max(90).describe('Latitude in degrees.'),
    lon: z.number().min(-180).max(180).describe('Longitude in degrees.'),
    kind: z
      .enum(['capital', 'city', 'rural', 'border'])
      .describe('capital holds the depot; rural towns can fall to the blockade; border towns host entry points.'),
    country: z.string().regex(/^[A-Z]{2}$/, 'a two-letter country code such as ML or SN'),
    population: z.number().int().min(0).max(50_000_000).optional().describe('Inhabitants.'),
    garrisonNeed: z
      .number()
      .int()
      .min(0)
      .max(20)
      .default(0)
      .describe('Security strength needed to hold the town against an attack (rural towns).'),
  })
  .strict();

export const road = z
  .object({
    id,
    from: id.describe('Town id at one end.'),
    to: id.describe('Town id at the other end.'),
    km: z.number().int().min(1).max(2000).describe('Length in kilometres.'),
    terrain: z.enum(['paved', 'laterite']).describe('Paved roads are faster.'),
    risk: pct.describe('Known risk of attack on this road, 0–100, as the public knows it at the start.'),
    corridor: id.describe('Corridor id this road belongs to.'),
  })
  .strict();

export const corridor = z
  .object({
    id,
    name: text,
  })
  .strict();

export const entryPoint = z
  .object({
    id,
    town: id.describe('Border town where hauliers wait with tankers.'),
    corridor: id,
    country: z.string().regex(/^[A-Z]{2}$/),
    tankersPerDay: z.number().int().min(0).max(500).describe('Tankers hauliers offer each day at full driver morale.'),
    morale: pct.describe('Initial driver morale, 0–100.'),
    requiresPolicy: policyId.optional().describe('The entry point opens only after this policy takes effect.'),
  })
  .strict();

export const sector = z
  .object({
    demandL: z.number().int().min(0).max(50_000_000).describe('Litres per day the sector needs for full service.'),
    trustWeight: z.number().int().min(0).max(10).describe('How much a shortfall in this sector costs public trust.'),
  })
  .strict();

export const unit = z
  .object({
    id,
    name: text,
    strength: z.number().int().min(1).max(10).describe('Combat strength of the unit.'),
    garrison: id.optional().describe('Rural town the unit holds at the start, if any.'),
  })
  .strict();

export const effects = z
  .object({
    trust: z.number().int().min(-100).max(100).optional().describe('Change of public trust, in points.'),
    stockL: z.number().int().min(-50_000_000).max(50_000_000).optional().describe('Litres added to (or removed from) the depot.'),
    morale: z
      .object({ corridor: id, delta: z.number().int().min(-100).max(100) })
      .strict()
      .optional()
      .describe('Change of driver morale on one corridor.'),
    blockade: id.optional().describe('Corridor the armed group declares under blockade.'),
    foodPrice: z.number().int().min(-100).max(200).optional().describe('Change of the food price index, in points.'),
    budgetM: z.number().int().min(-100_000).max(100_000).optional().describe('Change of the budget, in millions of CFA francs.'),
    cellStrength: z.number().int().min(-5).max(5).optional().describe('Change of strength of every armed cell.'),
  })
  .strict();

export const event = z
  .object({
    id,
    day: z.number().int().min(1).max(365).describe('Day of the level (1 is the first day) on which the event fires.'),
    title: text,
    body: text,
    sources: z.array(id).max(10).default([]).describe('Ids of entries in `sources` that support this text.'),
    effects: effects.default({}),
  })
  .strict();

export const randomEvent = z
  .object({
    id,
    chance: pct.describe('Chance per day, in percent.'),
    fromDay: z.number().int().min(1).max(365).default(1),
    title: text,
    body: text,
    sources: z.array(id).max(10).default([]),
    effects: effects.default({}),
  })
  .strict();

const perDifficulty = <T extends z.ZodType>(t: T) => z.object({ easy: t, normal: t, hard: t }).strict();

export const level = z
  .object({
    $schema: z.string().optional(),
    id,
    title: text,
    summary: text,
    startDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2025-09-03').describe('Calendar date of day 1.'),
    days: z.number().int().min(1).max(120).describe('Days to hold for the level to be won.'),
    scaleNote: text.optional().describe('How the level scales real numbers for play; shown in the debrief.'),
    sources: z.array(source).min(1).max(50),
    towns: z.array(town).min(2).max(200),
    corridors: z.array(corridor).min(1).max(20),
    roads: z.array(road).min(1).max(400),
    entryPoints: z.array(entryPoint).min(1).max(20),
    depot: z
      .object({
        town: id,
        stockL: z.number().int().min(0).max(500_000_000).describe('Litres in the depot on day 1.'),
      })
      .strict(),
    tankerL: z.number().int().min(1000).max(100_000).describe('Litres one tanker carries (about 46,000).'),
    sectors: z.object(Object.fromEntries(SECTORS.map((s) => [s, sector])) as Record<(typeof SECTORS)[number], typeof sector>).strict(),
    economy: z
      .object({
        pumpPriceCfa: z.number().int().min(1).max(10_000).describe('Official pump price, CFA francs per litre.'),
        budgetM: z.number().int().min(0).max(1_000_000).describe('Crisis budget, millions of CFA francs.'),
      })
      .strict(),
    units: z.array(unit).min(1).max(30),
    blockade: z
      .object({
        cells: perDifficulty(z.number().int().min(0).max(12)).describe('Armed cells per difficulty.'),
        strength: z.number().int().min(1).max(10).describe('Starting strength of each cell.'),
        startTowns: z.array(id).min(1).max(20).describe('Towns where cells start, used in turn.'),
      })
      .strict(),
    policies: z.array(policyId).max(POLICIES.length).describe('Policies the player may use in this level.'),
    events: z.array(event).max(200).default([]),
    randomEvents: z.array(randomEvent).max(100).default([]),
    collapse: z
      .object({
        noFuelDays: z.number().int().min(1).max(60).describe('Days in a row on which less than a third of the fuel the city needs reaches it, before it collapses.'),
      })
      .strict(),
  })
  .strict();

export type Level = z.infer<typeof level>;
export type LevelInput = z.input<typeof level>;
export type Sector = (typeof SECTORS)[number];
export type PolicyId = (typeof POLICIES)[number];
export type Effects = z.infer<typeof effects>;
export type Text = z.infer<typeof text>;
