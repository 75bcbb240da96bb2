/**
 * Numbers that shape play and are the same for every level. Level-specific quantities
 * (distances, demand, stock, offers) live in the level files.
 */
import type { PolicyId } from '../levels/schema';

export const HOURS_PER_DAY = 24;

/** Convoy speed by road surface, km/h (loaded tankers on Sahelian roads). */
export const SPEED_KMH = { paved: 45, laterite: 25 } as const;

/** Hours a security unit needs to take up a new task. */
export const REDEPLOY_HOURS = 12;

/** Ambushes and checkpoints: hours of set-up before they are active, then how long they last. */
export const THREAT_SETUP_HOURS = 6;
/** The blockade may time an ambush for later, up to this many hours beyond the set-up. */
export const THREAT_MAX_EXTRA_DELAY = 24;
/** An ambush waits for half a day: timed well it meets a convoy, timed badly it misses. */
export const AMBUSH_HOURS = 16;
export const CHECKPOINT_HOURS = 72;
export const CHECKPOINT_HOLD_HOURS = 12;
/** Hours a cell rests after acting. */
export const CELL_COOLDOWN_HOURS = 24;
export const CELL_MAX_STRENGTH = 7;
/** Cells regain one point of strength every this many days. */
export const CELL_REGEN_DAYS = 6;
/** Cells travel on foot and motorbike, off the main roads. */
export const CELL_SPEED_KMH = 30;

/** Driver morale under which hauliers refuse to load at all. */
export const MORALE_REFUSAL = 25;
export const MORALE_DRIFT_PER_DAY = 2;
export const MORALE_PER_ESCORTED_ARRIVAL = 3;
/** Drivers threatened on a corridor, and a declared blockade of it. */
export const MORALE_PER_INTIMIDATION = 6;
export const MORALE_PER_BLOCKADE = 10;
/** Threats alone do not push morale below this: drivers refuse after tankers burn, not after words. */
export const MORALE_THREAT_FLOOR = 35;

/** A rural town retaken when a garrison strong enough holds it this many days. */
export const RETAKE_DAYS = 3;

/** Service levels fall steeply below this supply ratio (percent): hospitals and pumps fail in steps. */
export const SERVICE_THRESHOLD = 60;

/** Chance (percent) that informants notice a convoy passing near a cell, by difficulty. */
export const SIGHTING_CHANCE = { easy: 50, normal: 75, hard: 95 } as const;

/** Chance (percent) that a threat being set up is reported, without and with watchers nearby. */
export const TELEGRAPH_CHANCE = 55;
export const TELEGRAPH_WATCH_BONUS = 35;
/** Without watchers, a report comes late: this many hours before the threat is active. */
export const TELEGRAPH_LATE_HOURS = 3;

export const INTEL_BASE_CHANCE = 20;
export const INTEL_PATROL_BONUS = 40;
export const INTEL_FALSE_CHANCE = 12;
export const INTEL_KEEP_DAYS = 4;

export const MAX_CONVOY_TANKERS = 200;
export const MAX_ROUTE_ROADS = 40;

export interface PolicyRule {
  /** Days between the decision and the effect. */
  delayDays: number;
  /** Budget cost per day while in force, millions of CFA. */
  costPerDayM: number;
}

export const POLICY_RULES: Record<PolicyId, PolicyRule> = {
  purchaseCap: { delayDays: 1, costPerDayM: 0 },
  priceControls: { delayDays: 1, costPerDayM: 40 },
  closeSchools: { delayDays: 1, costPerDayM: 0 },
  curfew: { delayDays: 0, costPerDayM: 20 },
  banRuralSales: { delayDays: 2, costPerDayM: 0 },
  hazardPay: { delayDays: 1, costPerDayM: 150 },
  alternateCorridor: { delayDays: 4, costPerDayM: 60 },
  emergencyAirlift: { delayDays: 2, costPerDayM: 900 },
  commsCampaign: { delayDays: 1, costPerDayM: 30 },
  alliedHelp: { delayDays: 7, costPerDayM: 100 },
};

/** Litres an emergency airlift brings per day: a token volume at a huge cost. */
export const AIRLIFT_L_PER_DAY = 46_000;
/** Retail demand under a purchase cap, percent. */
export const PURCHASE_CAP_RETAIL = 70;
