import type { ProviderKind } from '@bangbang/contracts';
import { COUNTERS, Entry } from './contribution';

/** A provider's counters moved by one event, and its kind to refresh its quality with after them. */
export interface ProviderStep {
  entries: Map<string, Entry>;
  kind: ProviderKind;
}

/**
 * Adds `e` to the entry of its row: one statement may add to a row only once, and an imported
 * request's facts move the same rows several times.
 */
function addTo(rows: Map<string, Entry>, e: Entry): void {
  const id = `${e.dim}\n${e.key}\n${e.day}`;
  const held = rows.get(id);
  if (!held) rows.set(id, { ...e, counters: { ...e.counters } });
  else for (const c of COUNTERS) held.counters[c] += e.counters[c];
}

/**
 * The deltas a transaction's events make to the daily counters, held back to be written together
 * just before it commits: the provider rows provider by provider in one order, then the unit and
 * category rows, which every job of the district adds to, in one statement. So every transaction
 * takes these locks in the same order (job rows, then providers sorted, then the shared rows
 * sorted) and holds the hottest rows only for its last statement.
 */
export class PendingFigures {
  private readonly shared = new Map<string, Entry>();
  private readonly providers = new Map<string, ProviderStep[]>();
  /** The steps of the event being applied, one per provider it moved. */
  private open = new Map<string, ProviderStep>();

  add(changes: Entry[], kind: ProviderKind): void {
    for (const e of changes) {
      if (e.dim === 'provider') addTo(this.step(e.key, kind).entries, e);
      else addTo(this.shared, e);
    }
  }

  /** Ends an event: the providers it moved get their quality refreshed once, after its deltas. */
  endEvent(): void {
    this.open = new Map();
  }

  /** Each provider's steps in the order of the events, the providers sorted. */
  providerSteps(): Array<[string, ProviderStep[]]> {
    return [...this.providers].sort((a, b) => a[0].localeCompare(b[0]));
  }

  sharedEntries(): Entry[] {
    return [...this.shared.values()];
  }

  clear(): void {
    this.shared.clear();
    this.providers.clear();
    this.open = new Map();
  }

  private step(provider: string, kind: ProviderKind): ProviderStep {
    let step = this.open.get(provider);
    if (!step) {
      step = { entries: new Map(), kind };
      this.open.set(provider, step);
      const steps = this.providers.get(provider);
      if (steps) steps.push(step);
      else this.providers.set(provider, [step]);
    }
    step.kind = kind;
    return step;
  }
}
