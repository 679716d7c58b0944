/**
 * Fails fast while the upstream is down: after `failureThreshold` consecutive failures the
 * circuit opens for `cooldownMs`; then one trial request is let through (half-open), and its
 * outcome closes or re-opens the circuit.
 */
export class CircuitBreaker {
  private failures = 0;
  private openUntil = 0;
  private trialInFlight = false;

  constructor(
    private readonly failureThreshold: number,
    private readonly cooldownMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * `0` when a request may go upstream (and claims the half-open trial if due), otherwise the
   * milliseconds until the next trial.
   */
  acquire(): number {
    if (this.failures < this.failureThreshold) return 0;
    const wait = this.openUntil - this.now();
    if (wait > 0) return wait;
    if (this.trialInFlight) return Math.max(1, this.cooldownMs);
    this.trialInFlight = true;
    return 0;
  }

  recordSuccess(): void {
    this.failures = 0;
    this.trialInFlight = false;
  }

  recordFailure(): void {
    this.failures++;
    this.trialInFlight = false;
    if (this.failures >= this.failureThreshold) this.openUntil = this.now() + this.cooldownMs;
  }

  /** Releases a trial that ended without a verdict (client went away, request refused locally). */
  release(): void {
    this.trialInFlight = false;
  }

  get isOpen(): boolean {
    return this.failures >= this.failureThreshold;
  }
}
