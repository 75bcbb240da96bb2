/**
 * The level format. A level is a JSON file in `levels/`; this zod schema is the single
 * definition of its shape, the source of `levels/schema.json` (editor autocomplete) and of
 * the `Level` type the simulation reads.
 *
 * Every field carries a description (what it means, its unit, an example) and, where one
 * value says it best, `examples`: editors show the first as hover text and offer the second
 * as completions, and `docs/levels.md` is written from the same words.
 */
import { z } from 'zod';
import { POLICIES, SECTORS } from './constants';
import { notACalendarDate } from './dates';

export { POLICIES, SECTORS };

const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
const COUNTRY_PATTERN = /^[A-Z]{2}$/;

/** A date of the given shape (`YYYY-MM-DD`, or also `YYYY-MM`) that is on the calendar. */
const calendarDate = (shape: RegExp, hint: string, example: string) =>
  z
    .string()
    .regex(shape, hint)
    .refine((text) => notACalendarDate(text, example) === undefined, { error: (issue) => notACalendarDate(String(issue.input), example) ?? hint });

const id = z
  .string()
  .regex(ID_PATTERN, 'ids are lower-case letters, digits and dashes, like "kayes" or "rn7-south"')
  .max(64)
  .describe('Identifier other parts of the level use to refer to this item: lower-case letters, digits and dashes, e.g. "kayes".');

const country = z
  .string()
  .regex(COUNTRY_PATTERN, 'a two-letter country code in capitals, such as ML or SN')
  .describe('Two-letter ISO country code in capitals, e.g. "ML" (Mali), "SN" (Senegal), "CI" (Côte d\'Ivoire), "GN" (Guinea).')
  .meta({ examples: ['ML'] });

export const text = z
  .object({
    en: z.string().min(1).max(2000).describe('The English text, at most 2,000 characters, e.g. "Queues at Bamako\'s filling stations".'),
    fr: z.string().min(1).max(2000).describe('The French text, at most 2,000 characters, e.g. "Files d\'attente aux stations de Bamako".'),
  })
  .strict()
  .describe('Text shown to players, in English and French; both are required, e.g. {"en": "Kayes", "fr": "Kayes"}.');

const pct = z.number().int().min(0).max(100);

const policyId = z
  .enum(POLICIES)
  .describe(
    'A policy of the 2025 crisis, e.g. "hazardPay". purchaseCap: caps retail purchases (retail needs 70 %, shorter queues). ' +
      'priceControls: holds the pump price, pushes trade to the black market. closeSchools: schools need no fuel, education days are lost. ' +
      'curfew: less transport, more security. banRuralSales: weakens the armed cells at first, then helps them recruit (it triggered the 2025 blockade). ' +
      'hazardPay: raises drivers\' morale. alternateCorridor: opens the entry points that require it, after 4 days. ' +
      'emergencyAirlift: 46,000 litres a day at a huge cost. commsCampaign: slowly rebuilds public trust. alliedHelp: every unit a little stronger, after 7 days.',
  )
  .meta({ examples: ['hazardPay'] });

const source = z
  .object({
    id: id.describe('Identifier events cite, by convention publisher-date, e.g. "ap-2025-10-08".').meta({ examples: ['ap-2025-10-08'] }),
    publisher: z
      .string()
      .min(1)
      .max(200)
      .describe('Who published it, as published or syndicated, e.g. "Associated Press (via Dayton Daily News)".'),
    title: z.string().min(1).max(400).describe('Title of the article or page as published, e.g. "Mali Shuts Schools Amid Fuel Crisis and Security Threats".'),
    date: calendarDate(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date like 2025-10-28 or 2025-10', '2025-10-28')
      .describe('Publication date, as precise as known: year-month-day or year-month, e.g. "2025-10-28" or "2025-10".')
      .meta({ examples: ['2025-10-28'] }),
    url: z
      .string()
      .url()
      .max(500)
      .describe('Full address where the source can be read, e.g. "https://www.ecofinagency.com/…". Copy it from a source you have read; never invent one.'),
    supports: z
      .string()
      .max(1000)
      .optional()
      .describe('The facts of the level this source supports, e.g. "schools and universities shut until 9 Nov; electricity down to ~6 h/day".'),
  })
  .strict()
  .describe('A published source for facts the level shows to students. Events cite it by its id.');

export const town = z
  .object({
    id: id.describe('Identifier of the town, e.g. "kayes". Roads, entry points, the depot, garrisons and the blockade refer to it.'),
    name: z.string().min(1).max(100).describe('Name shown on the map, the same in both languages, e.g. "Kayes" or "Nioro du Sahel".'),
    lat: z.number().min(-90).max(90).describe('Latitude in decimal degrees, north positive, e.g. 14.45 for Kayes.').meta({ examples: [14.45] }),
    lon: z.number().min(-180).max(180).describe('Longitude in decimal degrees, east positive (Mali is west, so negative), e.g. -11.433 for Kayes.').meta({ examples: [-11.433] }),
    kind: z
      .enum(['capital', 'city', 'rural', 'border'])
      .describe(
        'Role of the town, e.g. "rural". capital: holds the depot (one per level). city: a town on the roads. ' +
          'rural: can be attacked and fall to the blockade, and can be garrisoned. border: hosts entry points where hauliers wait.',
      )
      .meta({ examples: ['rural'] }),
    country: country.describe('Two-letter code of the country the town is in, e.g. "ML"; a border post on the Ivorian side is "CI".'),
    population: z.number().int().min(0).max(50_000_000).optional().describe('Number of inhabitants, for information, e.g. 4200000 for Bamako.'),
    garrisonNeed: z
      .number()
      .int()
      .min(0)
      .max(20)
      .default(0)
      .describe(
        'Garrison the rural town needs: a garrison at least this strong holds it; without one, its own people (need + 1, halved under the rural fuel ban) fight beside any garrison; once fallen, a garrison stronger than this, with no cell in the town, retakes it in 3 days; 0 to 20, default 0, e.g. 2.',
      )
      .meta({ examples: [2] }),
  })
  .strict()
  .describe('A town on the map, at its real position.');

export const road = z
  .object({
    id: id.describe('Identifier of the road, by convention "from-to", e.g. "kayes-kita".').meta({ examples: ['kayes-kita'] }),
    from: id.describe('Town id at one end; roads run both ways, e.g. "kayes".'),
    to: id.describe('Town id at the other end, e.g. "kita".').meta({ examples: ['kita'] }),
    km: z.number().int().min(1).max(2000).describe('Length of the road in kilometres, e.g. 612.').meta({ examples: [612] }),
    terrain: z
      .enum(['paved', 'laterite'])
      .describe('Surface: "paved" (tankers drive 45 km/h) or "laterite" (dirt road, 25 km/h), e.g. "paved".')
      .meta({ examples: ['paved'] }),
    risk: pct
      .describe('Risk of attack on this road as the public knows it at the start, 0 (safe) to 100; the blockade also favours risky roads before it has seen traffic, e.g. 55.')
      .meta({ examples: [55] }),
    corridor: id.describe('Id of the corridor this road belongs to, e.g. "senegal".').meta({ examples: ['senegal'] }),
  })
  .strict()
  .describe('A road segment between two towns.');

const corridor = z
  .object({
    id: id.describe('Identifier of the corridor, e.g. "cote-divoire".').meta({ examples: ['cote-divoire'] }),
    name: text.describe('Name of the corridor shown to players, e.g. {"en": "Senegal corridor (Dakar–Kayes–Bamako, RN1)", "fr": "Corridor sénégalais (Dakar–Kayes–Bamako, RN1)"}.'),
  })
  .strict()
  .describe('A supply route from a neighbouring country: its roads, entry points and driver morale go together, and the blockade can be declared on it.');

const entryPoint = z
  .object({
    id: id.describe('Identifier of the entry point, often the town\'s id, e.g. "zegoua".').meta({ examples: ['zegoua'] }),
    town: id.describe('Id of the border town where hauliers wait with tankers, e.g. "zegoua"; it must be a "border" town.').meta({ examples: ['zegoua'] }),
    corridor: id.describe('Id of the corridor whose drivers load here, e.g. "cote-divoire".').meta({ examples: ['cote-divoire'] }),
    country: z
      .string()
      .regex(COUNTRY_PATTERN, 'a two-letter country code in capitals, such as CI or GN')
      .describe('Two-letter ISO code, in capitals, of the country the fuel comes from, e.g. "CI" for Côte d\'Ivoire.')
      .meta({ examples: ['CI'] }),
    tankersPerDay: z
      .number()
      .int()
      .min(0)
      .max(500)
      .describe('Tankers the hauliers offer each morning at full driver morale (100); at morale 60 they offer 60 % of it, e.g. 12.')
      .meta({ examples: [12] }),
    morale: pct.describe('Driver morale on day 1 and the level it drifts back to, 0–100; under 25 drivers refuse the trip, e.g. 75.').meta({ examples: [75] }),
    requiresPolicy: policyId
      .optional()
      .describe('If set, the entry point opens only once this policy is in force, e.g. "alternateCorridor" for the Guinea route.')
      .meta({ examples: ['alternateCorridor'] }),
  })
  .strict()
  .describe('A border crossing where hauliers offer tankers to the player each morning.');

const sector = z
  .object({
    demandL: z
      .number()
      .int()
      .min(0)
      .max(50_000_000)
      .describe('Litres a day the sector needs for full service, e.g. 460000 (10 tankers of 46,000 L).')
      .meta({ examples: [460000] }),
    trustWeight: z
      .number()
      .int()
      .min(0)
      .max(10)
      .describe('How much public trust a shortfall in this sector costs, 0 (none) to 10, e.g. 5 for hospitals.')
      .meta({ examples: [3] }),
  })
  .strict();

const SECTOR_TEXT: Record<(typeof SECTORS)[number], string> = {
  power: "Power plants: Bamako's electricity is mostly oil-fired, so power hours a day follow this sector's supply.",
  hospitals: 'Hospitals and clinics: generators and ambulances.',
  water: 'Water pumping and treatment.',
  transport: 'Public transport and markets: buses, minibuses, the trucks that bring food.',
  schools: 'Schools and universities: pupils and staff getting there; zero demand while schools are closed.',
  security: 'Security forces in the city.',
  retail: 'Retail filling stations for everyone else; queues and the black-market price follow this sector.',
};

const unit = z
  .object({
    id: id.describe('Identifier of the unit, e.g. "escort-1".').meta({ examples: ['escort-1'] }),
    name: text.describe('Name of the unit shown to players, e.g. {"en": "1st escort battalion", "fr": "1er bataillon d\'escorte"}.'),
    strength: z
      .number()
      .int()
      .min(1)
      .max(10)
      .describe('Combat strength, 1–10: what it adds to a convoy escort, a road patrol or a town garrison, e.g. 3. A blockade cell has strength 1–7.')
      .meta({ examples: [3] }),
    garrison: id.optional().describe('Id of the rural town the unit holds on day 1; leave it out for a unit that starts free, e.g. "kolondieba".').meta({ examples: ['kolondieba'] }),
  })
  .strict()
  .describe('A security unit the player commands: it can escort a convoy, patrol a road or garrison a rural town.');

export const effects = z
  .object({
    trust: z.number().int().min(-100).max(100).optional().describe('Change of public trust, in points on its 0–100 scale (trust starts at 60), e.g. -3.').meta({ examples: [-3] }),
    stockL: z
      .number()
      .int()
      .min(-50_000_000)
      .max(50_000_000)
      .optional()
      .describe('Litres added to the depot (negative: removed, never below empty), e.g. 920000 for 20 tankers.')
      .meta({ examples: [920000] }),
    morale: z
      .object({
        corridor: id.describe('Id of the corridor whose drivers are affected, e.g. "senegal".').meta({ examples: ['senegal'] }),
        delta: z.number().int().min(-100).max(100).describe('Change of driver morale, in points on its 0–100 scale, e.g. -15.').meta({ examples: [-15] }),
      })
      .strict()
      .optional()
      .describe('Change of driver morale at every entry point of one corridor, e.g. {"corridor": "senegal", "delta": -15}.'),
    blockade: id
      .optional()
      .describe('Id of a corridor the armed group declares under blockade: its drivers lose 10 morale at once and 3 more every day, food prices keep rising, e.g. "senegal".')
      .meta({ examples: ['senegal'] }),
    foodPrice: z
      .number()
      .int()
      .min(-100)
      .max(200)
      .optional()
      .describe('Change of the food price index, in points (100 is the price before the crisis), e.g. 5.')
      .meta({ examples: [5] }),
    budgetM: z
      .number()
      .int()
      .min(-100_000)
      .max(100_000)
      .optional()
      .describe('Change of the crisis budget, in millions of CFA francs, e.g. -500.')
      .meta({ examples: [-500] }),
    cellStrength: z
      .number()
      .int()
      .min(-5)
      .max(5)
      .optional()
      .describe('Change of strength of every armed cell, in points (cells have 1–7), e.g. 1.')
      .meta({ examples: [1] }),
  })
  .strict()
  .describe('What an event does to the game when it fires; every field is optional and {} does nothing, e.g. {"trust": -2}.');

const eventSources = z
  .array(id.describe('Id of an entry of the level\'s "sources", e.g. "ap-2025-10-08".').meta({ examples: ['ap-2025-10-08'] }))
  .max(10)
  .default([])
  .describe('Ids of entries of the level\'s "sources" that support the facts in this text, e.g. ["ap-2025-10-08"]. Text that states a fact must cite at least one.');

const event = z
  .object({
    id: id.describe('Identifier of the event, unique among events and random events, e.g. "schools-closed".').meta({ examples: ['schools-closed'] }),
    day: z
      .number()
      .int()
      .min(1)
      // No fixed maximum: the level's own "days" is the limit, checked against it (cross-check.ts).
      .describe('Day of the level on which the event fires, in the morning (1 is the first day; day N is startDate + N - 1), at most the level\'s "days", e.g. 12.')
      .meta({ examples: [12] }),
    title: text.describe('Headline of the news item, e.g. {"en": "Schools closed", "fr": "Écoles fermées"}.'),
    body: text.describe('What happened, written for students; a real fact says when it happened ("In 2025, on 24 October, …") and cites its source.'),
    sources: eventSources,
    effects: effects.default({}),
  })
  .strict()
  .describe('A scripted event: news shown on a given day, with its effects on the game.');

const randomEvent = z
  .object({
    id: id.describe('Identifier of the random event, unique among events and random events, e.g. "drivers-refuse".').meta({ examples: ['drivers-refuse'] }),
    chance: pct.describe('Chance that it fires on each day, in percent, 0–100, e.g. 8.').meta({ examples: [8] }),
    fromDay: z
      .number()
      .int()
      .min(1)
      .default(1)
      .describe('First day on which it may fire, default 1, at most the level\'s "days", e.g. 5.')
      .meta({ examples: [5] }),
    title: text.describe('Headline of the news item, e.g. {"en": "Drivers refuse the trip", "fr": "Des chauffeurs refusent de partir"}.'),
    body: text.describe('What happens, written for students; facts cite their sources.'),
    sources: eventSources,
    effects: effects.default({}),
  })
  .strict()
  .describe('A random event: it may fire on any day from fromDay, with the given chance, and may fire again.');

const perDifficulty = <T extends z.ZodType>(t: T, what: string) =>
  z
    .object({
      easy: t.describe(`${what} on easy.`),
      normal: t.describe(`${what} on normal.`),
      hard: t.describe(`${what} on hard.`),
    })
    .strict();

const heldRate = z.number().min(0).max(1);

/** A held-rate band: [lowest, highest] fraction of seeded games the baseline player holds. */
const heldRateBand = z
  .tuple([
    heldRate.describe('Lowest held rate allowed, 0–1, e.g. 0.3.').meta({ examples: [0.3] }),
    heldRate.describe('Highest held rate allowed, 0–1 (not below the lowest), e.g. 0.85.').meta({ examples: [0.85] }),
  ])
  .meta({ examples: [[0.3, 0.85]] });

const balanceTargets = z
  .object({
    policy: z
      .literal('baseline')
      .describe('The scripted player whose games are measured; only "baseline", a sensible coordinator, for now.')
      .meta({ examples: ['baseline'] }),
    runs: z
      .number()
      .int()
      .min(1)
      .max(100)
      .describe('Games the balance test plays per difficulty, with seeds 1 to runs, e.g. 12. A small sample varies: make the bands wide enough for it.')
      .meta({ examples: [12] }),
    easy: heldRateBand
      .optional()
      .describe('[lowest, highest] share of the easy games that the baseline player holds to the last day, e.g. [0.75, 1].')
      .meta({ examples: [[0.75, 1]] }),
    normal: heldRateBand
      .optional()
      .describe('[lowest, highest] share of the normal games that the baseline player holds to the last day, e.g. [0.3, 0.85].')
      .meta({ examples: [[0.3, 0.85]] }),
    hard: heldRateBand
      .optional()
      .describe('[lowest, highest] share of the hard games that the baseline player holds to the last day, e.g. [0, 0.25].')
      .meta({ examples: [[0, 0.25]] }),
  })
  .strict()
  .describe(
    'Balance the level promises, checked by test/levels/targets.test.ts: for each difficulty given, the baseline player plays seeds 1 to runs ' +
      'and the share of games held (the last day reached without collapse) must lie in the band. Measure first with ' +
      '`npm run balance -- --level F --runs 100 --difficulty D`, then set bands around the measured rate, e.g. ' +
      '{"policy": "baseline", "runs": 12, "easy": [0.75, 1], "normal": [0.3, 0.85], "hard": [0, 0.25]}.',
  );

export const level = z
  .object({
    $schema: z
      .string()
      .optional()
      .describe('Path of the JSON Schema, relative to this file, so that editors autocomplete and check it, e.g. "./schema.json". The game ignores it.')
      .meta({ examples: ['./schema.json'] }),
    id: id.describe('Identifier of the level, used in share links (?level=…), e.g. "bamako-2025"; by convention the file name without .json.').meta({ examples: ['bamako-2025'] }),
    title: text.describe('Title of the level in the menu, e.g. {"en": "Bamako, autumn 2025: the fuel blockade", "fr": "Bamako, automne 2025 : le blocus du carburant"}.'),
    summary: text.describe('Two or three sentences under the title in the menu: when, where, the player\'s role and goal. A what-if says so here.'),
    startDate: calendarDate(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2025-09-03', '2025-09-03')
      .describe('Calendar date of day 1, year-month-day, e.g. "2025-09-03".')
      .meta({ examples: ['2025-09-03'] }),
    days: z
      .number()
      .int()
      .min(1)
      .max(120)
      .describe('Days the city must hold without collapse for the level to end "held", 1–120, e.g. 60. A game day lasts 24 s at normal speed.')
      .meta({ examples: [60] }),
    scaleNote: text
      .optional()
      .describe('How the level scales or changes real numbers and events for play, shown in the debrief, e.g. "The game scales fuel use down by about ten…". A what-if explains what it changes.'),
    sources: z
      .array(source)
      .min(1)
      .max(50)
      .describe('Every published source the level\'s texts rely on, 1–50; events cite them by id. Never invent a source or a URL.'),
    towns: z.array(town).min(2).max(200).describe('Towns on the map, 2–200, at their real positions; exactly one "capital" holds the depot.'),
    corridors: z.array(corridor).min(1).max(20).describe('Supply corridors, 1–20, e.g. Senegal, Côte d\'Ivoire, Guinea.'),
    roads: z.array(road).min(1).max(400).describe('Road segments, 1–400; every entry point needs a road route to the depot.'),
    entryPoints: z.array(entryPoint).min(1).max(20).describe('Border crossings where hauliers offer tankers, 1–20.'),
    depot: z
      .object({
        town: id.describe('Id of the capital town that holds the depot, e.g. "bamako".').meta({ examples: ['bamako'] }),
        stockL: z
          .number()
          .int()
          .min(0)
          .max(500_000_000)
          .describe('Litres in the depot on day 1, e.g. 6900000 (5 days of a 1,380,000 L/day demand).')
          .meta({ examples: [6900000] }),
      })
      .strict()
      .describe('The city\'s fuel depot: every convoy unloads there and every sector is served from it.'),
    tankerL: z
      .number()
      .int()
      .min(1000)
      .max(100_000)
      .describe('Litres one tanker carries, e.g. 46000 (a real tanker carries about 46,000 L).')
      .meta({ examples: [46000] }),
    sectors: z
      .object(
        Object.fromEntries(SECTORS.map((s) => [s, sector.describe(`${SECTOR_TEXT[s]} Its daily need and weight in public trust.`)])) as Record<
          (typeof SECTORS)[number],
          typeof sector
        >,
      )
      .strict()
      .describe('What each sector of the city needs each day and how much a shortfall costs in trust; all seven are required.'),
    economy: z
      .object({
        pumpPriceCfa: z
          .number()
          .int()
          .min(1)
          .max(10_000)
          .describe('Official pump price, in CFA francs per litre, e.g. 775 (petrol in Bamako, 2025).')
          .meta({ examples: [775] }),
        budgetM: z
          .number()
          .int()
          .min(0)
          .max(1_000_000)
          .describe('Crisis budget on day 1, in millions of CFA francs; policies are paid from it every day, e.g. 20000.')
          .meta({ examples: [20000] }),
      })
      .strict()
      .describe('Prices and money.'),
    units: z.array(unit).min(1).max(30).describe('The security units the player commands, 1–30.'),
    blockade: z
      .object({
        cells: perDifficulty(z.number().int().min(0).max(12), 'Number of armed cells, 0–12,')
          .describe('Number of armed cells at each difficulty, e.g. {"easy": 2, "normal": 3, "hard": 4}.')
          .meta({ examples: [{ easy: 2, normal: 3, hard: 4 }] }),
        strength: z
          .number()
          .int()
          .min(1)
          .max(10)
          .describe('Starting strength of each cell, 1–10 (cells grow to 7 at most), e.g. 3.')
          .meta({ examples: [3] }),
        startTowns: z
          .array(id.describe('Id of a town where a cell starts, e.g. "nioro".').meta({ examples: ['nioro'] }))
          .min(1)
          .max(20)
          .describe('Towns where cells start: cell 1 in the first, cell 2 in the second, and round again, e.g. ["nioro", "kadiana"].'),
        tracks: z
          .array(
            z
              .object({
                from: id.describe('Id of the town at one end, e.g. "kati".').meta({ examples: ['kati'] }),
                to: id.describe('Id of the town at the other end, e.g. "siby".').meta({ examples: ['siby'] }),
                km: z.number().int().min(1).max(2000).describe('Length in kilometres, e.g. 45.').meta({ examples: [45] }),
              })
              .strict()
              .describe('A bush track between two towns.'),
          )
          .max(100)
          .default([])
          .describe(
            'Bush tracks the armed cells use besides the roads (convoys never do), e.g. around the capital, which cells never enter: [{"from": "kati", "to": "siby", "km": 45}].',
          ),
      })
      .strict()
      .describe('The armed group: how many cells it has, how strong they are and where they start.'),
    policies: z
      .array(policyId)
      .max(POLICIES.length)
      .describe('Policies the player may use in this level, each at most once, e.g. ["purchaseCap", "hazardPay", "alternateCorridor"].'),
    events: z.array(event).max(200).default([]).describe('Scripted events, by day, up to 200: the real timeline of the period.'),
    randomEvents: z.array(randomEvent).max(100).default([]).describe('Random events, up to 100, each with a daily chance.'),
    collapse: z
      .object({
        noFuelDays: z
          .number()
          .int()
          .min(1)
          .max(60)
          .describe('Days in a row on which less than a third of the fuel the city needs reaches it, before it collapses, e.g. 4. Trust at 0 is a collapse too.')
          .meta({ examples: [4] }),
      })
      .strict()
      .describe('When the city collapses and the level ends early.'),
    balanceTargets: balanceTargets.optional(),
  })
  .strict();

export type Level = z.infer<typeof level>;
export type LevelInput = z.input<typeof level>;
export type Sector = (typeof SECTORS)[number];
export type PolicyId = (typeof POLICIES)[number];
export type Effects = z.infer<typeof effects>;
export type Text = z.infer<typeof text>;
export type BalanceTargets = z.infer<typeof balanceTargets>;
