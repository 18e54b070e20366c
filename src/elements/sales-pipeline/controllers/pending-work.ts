/**
 * The board's async actions still under way (a move being stored, an import, a stage edit), so
 * that `await el.updateComplete` can mean "done and shown" rather than "rendered once".
 */
export class PendingWork {
  private readonly running = new Set<Promise<unknown>>();

  get pending(): boolean {
    return this.running.size > 0;
  }

  /** Runs `work` as one of the board's actions; resolves or rejects as it does. */
  track<T>(work: Promise<T>): Promise<T> {
    this.running.add(work);
    const done = () => this.running.delete(work);
    work.then(done, done);
    return work;
  }

  /** Resolves once every action, and any action they started, has settled. */
  async settled(): Promise<void> {
    while (this.running.size) await Promise.allSettled([...this.running]);
  }
}
