import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from './circuit-breaker.js';

describe('CircuitBreaker', () => {
  it('opens after consecutive failures, lets one trial through after the cooldown, and closes on success', () => {
    let now = 0;
    const breaker = new CircuitBreaker(2, 1000, () => now);
    expect(breaker.acquire()).toBe(0);
    breaker.recordFailure();
    expect(breaker.acquire()).toBe(0);
    breaker.recordFailure();
    expect(breaker.acquire()).toBe(1000);
    now = 400;
    expect(breaker.acquire()).toBe(600);
    now = 1000;
    expect(breaker.acquire()).toBe(0); // the trial
    expect(breaker.acquire()).toBeGreaterThan(0); // others still fail fast
    breaker.recordSuccess();
    expect(breaker.isOpen).toBe(false);
    expect(breaker.acquire()).toBe(0);
  });

  it('re-opens when the trial fails', () => {
    let now = 0;
    const breaker = new CircuitBreaker(1, 1000, () => now);
    breaker.recordFailure();
    now = 1000;
    expect(breaker.acquire()).toBe(0);
    breaker.recordFailure();
    expect(breaker.acquire()).toBe(1000);
  });

  it('a success between failures resets the count', () => {
    const breaker = new CircuitBreaker(2, 1000, () => 0);
    breaker.recordFailure();
    breaker.recordSuccess();
    breaker.recordFailure();
    expect(breaker.acquire()).toBe(0);
  });
});
