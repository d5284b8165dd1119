import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from './circuit-breaker.js';

const breaker = () => new CircuitBreaker({ threshold: 3, firstOpenMs: 1_000, maxOpenMs: 4_000 });

describe('CircuitBreaker', () => {
  it('opens after failures in a row, and a success between them starts the count again', () => {
    const circuit = breaker();
    expect(circuit.failed(0)).toBeUndefined();
    expect(circuit.failed(0)).toBeUndefined();
    circuit.succeeded();
    expect(circuit.failed(0)).toBeUndefined();
    expect(circuit.failed(0)).toBeUndefined();
    expect(circuit.failed(10)).toBe('opened');
    expect(circuit.allowed(500)).toBe('none');
    expect(circuit.waitTime(500)).toBe(510);
    expect(circuit.openSince).toBe(10);
  });

  it('lets one probe through when the wait ends; its failure doubles the wait, up to the most', () => {
    const circuit = breaker();
    for (let i = 0; i < 3; i += 1) circuit.failed(0);
    expect(circuit.allowed(1_000)).toBe('one');
    circuit.started(1_000);
    expect(circuit.allowed(1_000)).toBe('none');
    expect(circuit.failed(1_500)).toBeUndefined();
    expect(circuit.waitTime(1_500)).toBe(2_000);
    // Other failures while waiting change nothing.
    circuit.failed(1_600);
    expect(circuit.waitTime(1_600)).toBe(1_900);
    circuit.started(3_500);
    circuit.failed(3_600);
    circuit.started(7_600);
    circuit.failed(7_600);
    expect(circuit.waitTime(7_600)).toBe(4_000);
  });

  it('closes on the probe\'s success and says so once', () => {
    const circuit = breaker();
    for (let i = 0; i < 3; i += 1) circuit.failed(0);
    circuit.started(1_000);
    expect(circuit.succeeded()).toBe('closed');
    expect(circuit.succeeded()).toBeUndefined();
    expect(circuit.allowed(1_000)).toBe('all');
    expect(circuit.openSince).toBeUndefined();
  });
});
