/** What the HUD's parts share: the session, the selection, and one way to send commands. */
import type { Immutable } from 'immer';
import type { GameSession } from '../../app/session';
import type { SelectionBus } from '../../app/selection';
import type { LevelContext } from '../../sim/context';
import type { EntryId, GameState, PlayerAction } from '../../sim/state';

export type TabId = 'city' | 'convoys' | 'forces' | 'policies' | 'news';
export const TABS: readonly TabId[] = ['city', 'convoys', 'forces', 'policies', 'news'];

/** Fired on the HUD root when a tab is shown (the tutorial listens for it); `detail` is the TabId. */
export const TAB_EVENT = 'hud-tab';

export interface Hud {
  session: GameSession;
  ctx: LevelContext;
  selection: SelectionBus;
  root: HTMLElement;
  announce(text: string): void;
  /**
   * Send a player command. A refused command shows the rules' reason to the player and
   * returns false; an accepted one may confirm itself with `done` (shown and announced).
   */
  act(action: PlayerAction, done?: string): boolean;
  showTab(tab: TabId): void;
  /** Open the convoy planner with this entry point chosen. */
  planConvoyFrom(entry: EntryId): void;
}

/** A part of the HUD: its element and how it catches up with a new state. */
export interface Part {
  el: HTMLElement;
  update(state: Immutable<GameState>): void;
  destroy?(): void;
}
