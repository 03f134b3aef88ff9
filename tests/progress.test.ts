import { describe, expect, it } from 'vitest';
import { createProgress, formatDuration } from '../src/progress.js';

const recording = (isTTY: boolean) => {
  const written: string[] = [];
  return { output: { isTTY, write: (text: string) => written.push(text) }, written };
};

describe('progress of a long command', () => {
  it('on a terminal: how far, the rate and the time left, redrawn at most four times a second', () => {
    const { output, written } = recording(true);
    let now = 0;
    const progress = createProgress(output, 'events', () => now);
    progress.phase('replaying the log');
    now = 1_000;
    progress.update(10_000, 40_000);
    now = 1_100;
    progress.update(11_000, 40_000); // within 250 ms of the last line: not drawn
    now = 2_000;
    progress.update(20_000, 40_000);
    progress.finish();
    expect(written).toEqual([
      'replaying the log\n',
      '\r  10,000 of 40,000 events, 10,000 events/s, 3 s left\u001b[K',
      '\r  20,000 of 40,000 events, 10,000 events/s, 2 s left\u001b[K',
      '\n',
    ]);
  });

  it('in a log: one line per phase, no progress lines', () => {
    const { output, written } = recording(false);
    const progress = createProgress(output, 'cases', () => 5_000);
    progress.phase('seeding');
    progress.update(100, 300);
    progress.phase('done');
    progress.finish();
    expect(written).toEqual(['seeding\n', 'done\n']);
  });

  it('an unknown total shows no time left', () => {
    const { output, written } = recording(true);
    let now = 0;
    const progress = createProgress(output, 'events', () => now);
    now = 2_000;
    progress.update(500);
    expect(written).toEqual(['\r  500 events, 250 events/s\u001b[K']);
  });

  it('says durations in seconds, then minutes', () => {
    expect(formatDuration(0.2)).toBe('1 s');
    expect(formatDuration(59)).toBe('59 s');
    expect(formatDuration(125)).toBe('2 min 5 s');
    expect(formatDuration(Number.POSITIVE_INFINITY)).toBe('unknown');
  });
});
