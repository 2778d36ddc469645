/**
 * A service's instances, taken in turn: each call starts at the next instance and, when that one
 * cannot be reached, goes on to the others in order.
 */
export class UpstreamPool {
  private turn = 0;

  constructor(readonly bases: readonly string[]) {
    if (!bases.length) throw new Error('an upstream pool needs at least one instance');
  }

  /** Every instance once, starting with the one whose turn it is. */
  order(): string[] {
    const start = this.turn;
    this.turn = (this.turn + 1) % this.bases.length;
    return [...this.bases.slice(start), ...this.bases.slice(0, start)];
  }
}
