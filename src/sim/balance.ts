/**
 * Numbers that shape play and are the same for every level. Level-specific quantities
 * (distances, demand, stock, offers) live in the level files.
 */
import type { PolicyId } from '../levels/schema';

export const HOURS_PER_DAY = 24;

/** Convoy speed by road surface, km/h (loaded tankers on Sahelian roads). */
export const SPEED_KMH = { paved: 45, laterite: 25 } as const;

/** Public trust on day 1 (0–100): how much patience the city starts with, by difficulty. */
export const START_TRUST = { easy: 80, normal: 60, hard: 55 } as const;

/** Hours a security unit needs to take up a new task. */
export const REDEPLOY_HOURS = 12;

/**
 * Nothing strikes before the coordinator has had time to act: no town attacked and no
 * threat active in the first hours of a game, longer than an order takes (REDEPLOY_HOURS).
 */
export const GRACE_HOURS = 24;

/** Ambushes and checkpoints: hours of set-up before they are active, then how long they last. */
export const THREAT_SETUP_HOURS = 6;
/** On a road next to a town the group holds, it sets up faster: the locals are its own. */
export const THREAT_SETUP_HOURS_NEAR_FALLEN = 3;
/** The blockade may time an ambush for later, up to this many hours beyond the set-up. */
export const THREAT_MAX_EXTRA_DELAY = 24;
/** An ambush waits a few hours: timed well (from what informants saw) it meets a convoy, timed badly it misses. */
export const AMBUSH_HOURS = 6;
export const CHECKPOINT_HOURS = 72;
export const CHECKPOINT_HOLD_HOURS = 12;
/** Hours a cell rests after acting. */
export const CELL_COOLDOWN_HOURS = 18;
export const CELL_MAX_STRENGTH = 7;
/** Cells regain one point of strength every this many days. */
export const CELL_REGEN_DAYS = 8;
/** Cells travel on foot and motorbike, off the main roads. */
export const CELL_SPEED_KMH = 30;

/** Driver morale under which hauliers refuse to load at all. */
export const MORALE_REFUSAL = 25;
export const MORALE_DRIFT_PER_DAY = 1;
/** A convoy that arrives under escort reassures drivers; a strong escort (STRONG_ESCORT or more) more so. */
export const MORALE_PER_ESCORTED_ARRIVAL = 1;
export const MORALE_PER_STRONG_ESCORT_ARRIVAL = 2;
export const STRONG_ESCORT = 5;
/** Drivers threatened on a corridor, and a declared blockade of it. */
export const MORALE_PER_INTIMIDATION = 4;
export const MORALE_PER_BLOCKADE = 8;
/**
 * Threats to drivers alone do not push morale below this: drivers refuse after tankers burn,
 * not after words. A declared blockade is more than words: kept up for weeks, enforced here
 * and there, it wears its corridor's drivers down MORALE_PER_BLOCKADE_DAY a day, with no floor.
 */
export const MORALE_THREAT_FLOOR = 45;
export const MORALE_PER_BLOCKADE_DAY = 2;
/** Hazard pay brings frightened drivers back this much faster each day. */
export const HAZARD_PAY_DRIFT = 2;
/**
 * Violence frightens drivers (AP 2025-10-08, Firstpost 2025-10-26): each attack on a
 * corridor costs its drivers this much morale, plus one point per MORALE_PER_BURNED
 * tankers burned or seized; when an escorted convoy burns, drivers lose faith in escorts
 * too (the loss is multiplied by ESCORTED_LOSS_FEAR percent).
 */
export const MORALE_PER_ATTACK = 5;
export const MORALE_PER_BURNED = 2;
export const ESCORTED_LOSS_FEAR = 160;
/** Hazard pay keeps drivers on the road: violence costs this percent of the morale it would, and morale settles higher. */
export const HAZARD_PAY_FEAR = 60;
export const HAZARD_PAY_MORALE = 15;
/** What a point of escort strength weighs against a point of an attacking cell's (10). */
export const ESCORT_DEFENCE = 8;
/** Share of a convoy (percent) burned in an ambush its escort beats off. */
export const REPELLED_LOSS_PCT = 10;
/** Tankers offered but not sent wait at the border, up to this many days of offers. */
export const BORDER_WAIT_DAYS = 3;

/** A rural town retaken when a garrison strong enough holds it this many days. */
export const RETAKE_DAYS = 3;

/**
 * The group grows where it holds ground (a fallen town is a base and a recruiting ground)
 * and where rural people are angry (the ban on rural fuel sales, 2025): recruits gather
 * each morning, RECRUITS_PER_FALLEN_TOWN per town it holds and RECRUITS_UNDER_BAN while
 * the ban is in force. CELL_RECRUITS of them make the weakest cell one stronger; NEW_CELL_RECRUITS
 * a new cell (of NEW_CELL_STRENGTH), up to EXTRA_CELLS more than the group started with.
 */
export const RECRUITS_PER_FALLEN_TOWN = 1;
export const RECRUITS_UNDER_BAN = 2;
export const CELL_RECRUITS = 8;
/** Recruits strengthen the group's cells up to this before they form new ones. */
export const GROWN_STRENGTH = 5;
export const NEW_CELL_RECRUITS = 16;
export const NEW_CELL_STRENGTH = 2;
export const EXTRA_CELLS = 2;
/** The ban first squeezes the cells: for this many days their moves take this percent of the usual time. */
export const BAN_SQUEEZE_DAYS = 8;
export const BAN_SQUEEZE_MOVE = 160;

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
