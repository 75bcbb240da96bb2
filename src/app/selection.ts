/** What the player has picked on the map or in the HUD; both sides show the same selection. */
export type MapSelection =
  | { kind: 'town'; id: string }
  | { kind: 'road'; id: string }
  | { kind: 'entry'; id: string }
  | { kind: 'convoy'; id: number }
  | { kind: 'unit'; id: string };

export type SelectionListener = (selection: MapSelection | null) => void;

/** A tiny shared holder so the map and the HUD never disagree about the selection. */
export class SelectionBus {
  private current: MapSelection | null = null;
  private listeners = new Set<SelectionListener>();

  get value(): MapSelection | null {
    return this.current;
  }

  set(selection: MapSelection | null): void {
    this.current = selection;
    for (const listener of this.listeners) listener(selection);
  }

  subscribe(listener: SelectionListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
