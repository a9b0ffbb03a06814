/**
 * How many batches a producing worker may still send before its receiver takes one: it starts with
 * `ahead`, each batch sent takes one, and the receiver gives one back per batch it has taken. This bounds
 * the memory of batches in flight while keeping both threads busy.
 */
export class Credits {
  private available: number;
  private waiting: (() => void) | null = null;

  constructor(ahead: number) {
    this.available = ahead;
  }

  /** One credit back from the receiver. */
  give(): void {
    this.available++;
    this.waiting?.();
    this.waiting = null;
  }

  /** Take a credit, waiting until the receiver gives one back when none is left. */
  async take(): Promise<void> {
    while (this.available === 0) await new Promise<void>((resolve) => (this.waiting = resolve));
    this.available--;
  }
}
