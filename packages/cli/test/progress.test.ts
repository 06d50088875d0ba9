import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgress, NO_PROGRESS } from '../src/progress.js';

/** A stream that records what is written and says whether it is a terminal. */
function fakeStream(isTTY: boolean): { stream: NodeJS.WriteStream; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  }) as unknown as NodeJS.WriteStream;
  Object.assign(stream, { isTTY, columns: 120 });
  return { stream, text: () => chunks.join('') };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('createProgress', () => {
  it('draws nothing when the stream is not a terminal', async () => {
    const { stream, text } = fakeStream(false);
    const progress = createProgress(100, 'mc', { stream, delayMs: 0 });
    expect(progress).toBe(NO_PROGRESS);
    progress.update(50);
    await sleep(20);
    progress.stop();
    expect(text()).toBe('');
  });

  it('draws nothing when the work ends before the delay', async () => {
    const { stream, text } = fakeStream(true);
    const progress = createProgress(100, 'mc', { stream, delayMs: 50 });
    progress.update(100);
    progress.stop();
    await sleep(80);
    expect(text()).toBe('');
  });

  it('draws a bar with a count and an ETA once the delay has passed', async () => {
    const { stream, text } = fakeStream(true);
    const progress = createProgress(200, 'mc citrini-2028', { stream, delayMs: 10 });
    progress.update(40);
    await sleep(40);
    progress.update(80);
    await sleep(150);
    const drawn = text();
    progress.stop();
    expect(drawn).toContain('mc citrini-2028 [');
    expect(drawn).toMatch(/\d+\/200 runs \| ETA /);
  });
});
