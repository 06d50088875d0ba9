/**
 * Test helper: runs `f`, expecting a one-line `bad-input` EngineError, and returns its message.
 */
import { EngineError } from '@endgame/engine';
import { expect } from 'vitest';

export function errorOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(EngineError);
    expect((e as EngineError).code).toBe('bad-input');
    expect((e as Error).message).not.toContain('\n');
    return (e as Error).message;
  }
  throw new Error('expected an error');
}
