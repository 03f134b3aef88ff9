/**
 * Progress of a long command (`sightline seed`, `sightline rebuild`): on a terminal, one line rewritten at
 * most four times a second with how far it is, the rate and the time left; in a log (no TTY), one line per
 * phase and a last line, so that CI logs and journald stay short. Nothing personal is ever printed.
 */
export interface ProgressOutput {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface Progress {
  /** A new phase: printed on its own line in both modes. */
  phase(name: string): void;
  /** `done` of `total` (total unknown: no time left shown); throttled. */
  update(done: number, total?: number): void;
  /** Ends the current line on a terminal. */
  finish(): void;
}

const REDRAW_MS = 250;

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return 'unknown';
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${Math.round(seconds - minutes * 60)} s`;
}

export function createProgress(
  output: ProgressOutput,
  unit: string,
  nowMs: () => number = () => performance.now(),
): Progress {
  let phaseStarted = nowMs();
  let lastDrawn = Number.NEGATIVE_INFINITY;
  let drawn = false;
  const endLine = () => {
    if (drawn) output.write('\n');
    drawn = false;
  };
  return {
    phase(name) {
      endLine();
      output.write(`${name}\n`);
      phaseStarted = nowMs();
      lastDrawn = Number.NEGATIVE_INFINITY;
    },
    update(done, total) {
      if (!output.isTTY) return;
      const now = nowMs();
      if (now - lastDrawn < REDRAW_MS) return;
      lastDrawn = now;
      const seconds = (now - phaseStarted) / 1000;
      const rate = seconds > 0 ? done / seconds : 0;
      const of = total === undefined ? '' : ` of ${Math.round(total).toLocaleString('en-GB')}`;
      const left = total === undefined || rate <= 0 ? '' : `, ${formatDuration((total - done) / rate)} left`;
      output.write(
        `\r  ${Math.round(done).toLocaleString('en-GB')}${of} ${unit}, ${Math.round(rate).toLocaleString('en-GB')} ${unit}/s${left}\u001b[K`,
      );
      drawn = true;
    },
    finish: endLine,
  };
}
