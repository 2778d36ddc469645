/**
 * How long a change is waited for: one still uncommitted then rolled back (its event is applied
 * again and changes the unit anew), and a lookup that long may have outlived its unit's record.
 */
export const SETTLE_MS = 30_000;

/**
 * Units whose standing or keys changed lately, so that what a lookup read of a unit is kept only if
 * it read the unit as committed: no change of it began after the lookup did, and none is in flight.
 */
export class UnitChanges {
  private readonly changes = new Map<string, { seq: number; at: number; uncommitted: number }>();
  private seq = 0;

  /** Marks the start of a lookup; its answer is judged against what changed after. */
  begin(now: number): { since: number; began: number } {
    return { since: this.seq, began: now };
  }

  /** A change of the unit is being written; the returned step is run once it has committed. */
  change(unitId: string, now: number): (committedAt: number) => void {
    for (const [unit, change] of this.changes) if (now - change.at >= SETTLE_MS) this.changes.delete(unit);
    this.note(unitId, now, 1);
    return (committedAt) => this.note(unitId, committedAt, -1);
  }

  keepable(unitId: string, lookup: { since: number; began: number }, now: number): boolean {
    if (now - lookup.began >= SETTLE_MS) return false;
    const change = this.changes.get(unitId);
    return !change || (change.seq <= lookup.since && (change.uncommitted === 0 || now - change.at >= SETTLE_MS));
  }

  private note(unitId: string, at: number, uncommitted: number): void {
    const change = this.changes.get(unitId);
    this.changes.set(unitId, { seq: ++this.seq, at, uncommitted: Math.max(0, (change?.uncommitted ?? 0) + uncommitted) });
  }
}
