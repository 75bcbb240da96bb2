/**
 * The whole game state: plain, serialisable JSON. Collections are arrays in level order
 * (never objects keyed by ids created during play), so hashing and iteration are stable.
 */
import type { PolicyId, Sector, Text } from '../levels/schema';
import type { RngState } from './rng';

export type Difficulty = 'easy' | 'normal' | 'hard';
export const DIFFICULTIES: readonly Difficulty[] = ['easy', 'normal', 'hard'];

declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };
export type TownId = Brand<string, 'TownId'>;
export type RoadId = Brand<string, 'RoadId'>;
export type CorridorId = Brand<string, 'CorridorId'>;
export type EntryId = Brand<string, 'EntryId'>;
export type UnitId = Brand<string, 'UnitId'>;
export type CellId = Brand<string, 'CellId'>;
export type ConvoyId = Brand<number, 'ConvoyId'>;

export type SectorMap = Record<Sector, number>;

export type UnitTask =
  | { kind: 'idle' }
  | { kind: 'escort'; convoy: ConvoyId }
  | { kind: 'patrol'; road: RoadId }
  | { kind: 'garrison'; town: TownId };

export interface Unit {
  id: UnitId;
  strength: number;
  task: UnitTask;
  /** Absolute hour from which the unit is in place for its task. */
  readyAt: number;
}

export type ConvoyStatus = 'waiting' | 'moving' | 'halted' | 'held' | 'returning' | 'arrived' | 'destroyed' | 'returned';

export interface Convoy {
  id: ConvoyId;
  /** 1, 2, 3… in the order the player formed them: the number the player sees. */
  number: number;
  entry: EntryId;
  corridor: CorridorId;
  /** Towns from the entry point to the depot; leg i runs path[i] → path[i+1] over route[i]. */
  path: TownId[];
  route: RoadId[];
  leg: number;
  /** Kilometres travelled along the current leg, in the direction of travel. */
  km: number;
  tankers: number;
  tankersAtStart: number;
  departAt: number;
  escort: UnitId[];
  status: ConvoyStatus;
  /** Hour until which a checkpoint or an attack holds the convoy. */
  heldUntil: number;
  /** Roads on which this convoy has already met an ambush or checkpoint. */
  hitOn: RoadId[];
  /** The last leg on which the blockade's informants saw it (-1: not yet seen). */
  seenLeg: number;
}

/** A convoy whose trip has ended, kept for the debrief and the player's route history. */
export interface ConvoyRecord {
  id: ConvoyId;
  number: number;
  entry: EntryId;
  route: RoadId[];
  escorts: number;
  departAt: number;
  endedAt: number;
  tankersAtStart: number;
  tankers: number;
  status: 'arrived' | 'destroyed' | 'returned';
}

export interface Cell {
  id: CellId;
  town: TownId;
  strength: number;
  readyAt: number;
}

export type ThreatKind = 'ambush' | 'checkpoint';
export interface Threat {
  id: number;
  kind: ThreatKind;
  road: RoadId;
  cell: CellId;
  from: number;
  until: number;
}

export interface Intel {
  id: number;
  hour: number;
  kind: 'cell' | ThreatKind;
  road?: RoadId;
  town?: TownId;
  /** How sure the source is, percent. Reports can be wrong. */
  confidence: number;
  source: 'patrol' | 'informant' | 'garrison';
}

/** What the blockade saw of a passing convoy: the material its habits model is built from. */
export interface Sighting {
  convoy: ConvoyId;
  hour: number;
  road: RoadId;
  tankers: number;
  escortStrength: number;
  departHourOfDay: number;
  /** Hour of the day (0–23) at which it was seen on this road. */
  seenHourOfDay: number;
  /** The town it was driving to. */
  toward: TownId;
}

export interface PolicyState {
  id: PolicyId;
  status: 'off' | 'pending' | 'active';
  /** Hour the policy was enacted (pending) or took effect (active). */
  since: number;
}

export interface RuralTown {
  id: TownId;
  control: 'held' | 'fallen';
  /** Days a strong enough garrison has held a fallen town (retaken at RETAKE_DAYS). */
  retake: number;
}

export interface EntryState {
  id: EntryId;
  morale: number;
  /**
   * Tankers waiting at the border, ready to load: each morning's offer joins those not yet
   * sent, up to BORDER_WAIT_DAYS days of offers (in 2025 hundreds of trucks waited at the borders).
   */
  offered: number;
  open: boolean;
}

export type NewsKind = 'event' | 'attack' | 'repelled' | 'arrival' | 'town' | 'policy' | 'blockade' | 'intimidation' | 'checkpoint' | 'refusal' | 'raid' | 'recruits' | 'schools';
export interface NewsItem {
  hour: number;
  kind: NewsKind;
  /** Set for level events: their text and sources come from the level. */
  event?: string;
  title?: Text;
  body?: Text;
  sources?: string[];
  /** Facts for rendering, e.g. tankers lost, road id. */
  facts: Record<string, string | number>;
}

export type TrustCause = 'services' | 'queues' | 'prices' | 'attacks' | 'blockade' | 'towns' | 'policies' | 'events' | 'recovery';
export interface TrustChange {
  cause: TrustCause;
  delta: number;
}

export interface DayRecord {
  day: number;
  stockL: number;
  trust: number;
  services: SectorMap;
  powerHours: number;
  blackPrice: number;
  queueHours: number;
  foodIndex: number;
  /** Totals since day 1 (charts take the differences). */
  tankersDelivered: number;
  tankersLost: number;
  townsFallen: number;
  /** The night's changes to public trust, by cause (their sum is the day's change). */
  trustWhy: TrustChange[];
  /** Drivers' morale at each crossing, in the level's entry point order. */
  morale: number[];
}

export interface FuelLedger {
  stockL: number;
  /** Everything that entered the game: initial stock, tankers loaded at a border, airlifts, events. */
  acquiredL: number;
  consumedL: number;
  lostL: number;
  /** Fuel that turned back to the border with its convoy. */
  returnedL: number;
}

export interface Metrics {
  tankersDelivered: number;
  /** Tankers burned or seized, on the road or waiting at a border. */
  tankersLost: number;
  litresDelivered: number;
  convoysAttacked: number;
  livesLost: number;
  /** Drivers taken at the group's checkpoints. */
  driversTaken: number;
  townsFallen: number;
  educationDaysLost: number;
  serviceSum: number;
  serviceDays: number;
}

export interface City {
  trust: number;
  pumpPrice: number;
  blackPrice: number;
  queueHours: number;
  foodIndex: number;
  powerHours: number;
  budgetM: number;
  noFuelDays: number;
  /** Schools shut because pupils and teachers cannot travel (transport failing), as in late October 2025. */
  schoolsShut: boolean;
  /** Trust change waiting to be applied at the end of the day, by cause. */
  pendingTrust: TrustChange[];
}

export interface SimError {
  code: string;
  message: string;
  action: string;
}

export type AiMoveKind = 'move' | 'ambush' | 'checkpoint' | 'intimidate' | 'attackTown' | 'declareBlockade' | 'raidBorder';
export interface AiReason {
  code: string;
  factors: { name: string; value: number }[];
}
export interface AiMoveRecord {
  hour: number;
  kind: AiMoveKind;
  cell: CellId;
  target: string;
  reason: AiReason;
}

export interface GameState {
  version: 1;
  levelId: string;
  seed: number;
  difficulty: Difficulty;
  rng: RngState;
  /** Absolute hour; hour 0 is 00:00 on day 1. */
  hour: number;
  status: 'playing' | 'held' | 'collapsed';
  collapseReason: 'trust' | 'fuel' | null;
  fuel: FuelLedger;
  plan: SectorMap;
  services: SectorMap;
  city: City;
  trustWhy: TrustChange[];
  entries: EntryState[];
  blockaded: CorridorId[];
  /** Convoys waiting or on the road. */
  convoys: Convoy[];
  pastConvoys: ConvoyRecord[];
  nextId: number;
  /** Convoys formed so far. */
  convoysFormed: number;
  units: Unit[];
  towns: RuralTown[];
  cells: Cell[];
  /** The armed group as a whole: recruits not yet formed into strength or a new cell, and cells made so far. */
  group: {
    recruits: number;
    cellsMade: number;
    /** The group as it was when the rural fuel ban came into force (for the debrief), or null. */
    atBan: { cells: number; strength: number } | null;
  };
  threats: Threat[];
  intel: Intel[];
  /** Reports already made but not yet reaching the coordinator (informants are slow). */
  intelQueue: Intel[];
  sightings: Sighting[];
  policies: PolicyState[];
  news: NewsItem[];
  aiMoves: AiMoveRecord[];
  history: DayRecord[];
  metrics: Metrics;
  lastError: SimError | null;
}

export type Reasoned = { cell: CellId; reason: AiReason };

export type Action =
  | { type: 'tick' }
  | { type: 'plan/set'; plan: SectorMap }
  | { type: 'convoy/form'; entry: EntryId; tankers: number; route: RoadId[]; departAt: number; escort: UnitId[] }
  | { type: 'convoy/halt'; convoy: ConvoyId }
  | { type: 'convoy/resume'; convoy: ConvoyId }
  | { type: 'convoy/turnBack'; convoy: ConvoyId }
  | { type: 'convoy/reroute'; convoy: ConvoyId; route: RoadId[] }
  | { type: 'unit/order'; unit: UnitId; task: Exclude<UnitTask, { kind: 'escort' }> }
  | { type: 'policy/enact'; policy: PolicyId }
  | { type: 'policy/revoke'; policy: PolicyId }
  | ({ type: 'ai/move'; to: TownId } & Reasoned)
  | ({ type: 'ai/ambush'; road: RoadId; delay?: number } & Reasoned)
  | ({ type: 'ai/checkpoint'; road: RoadId; delay?: number } & Reasoned)
  | ({ type: 'ai/intimidate'; corridor: CorridorId } & Reasoned)
  | ({ type: 'ai/attackTown'; town: TownId } & Reasoned)
  | ({ type: 'ai/declareBlockade'; corridor: CorridorId } & Reasoned)
  | ({ type: 'ai/raidBorder'; entry: EntryId } & Reasoned);

export type ActionType = Action['type'];
export type AiAction = Extract<Action, { type: `ai/${string}` }>;
export type PlayerAction = Exclude<Action, AiAction | { type: 'tick' }>;
