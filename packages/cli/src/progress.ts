/**
 * A progress bar with ETA on stderr for long commands (`mc`, `sensitivity`,
 * `grid`, `optimize`): drawn only when stderr is a terminal, and only once the
 * work has taken longer than a second, so short runs, pipes and tests print
 * nothing extra.
 */
import { SingleBar } from 'cli-progress';

/** A progress report that may or may not be drawn. */
export interface Progress {
  /** `done` units of the total are finished. */
  update(done: number): void;
  /** Removes the bar (if drawn); call once, also on failure. */
  stop(): void;
}

/** Options of {@link createProgress}. */
export interface ProgressOptions {
  /** What is counted (`runs`). */
  unit?: string;
  /** Where to draw (default `process.stderr`); nothing is drawn unless it is a TTY. */
  stream?: NodeJS.WriteStream;
  /** Milliseconds before the bar appears (default 1000). */
  delayMs?: number;
}

/** A progress report that draws nothing. */
export const NO_PROGRESS: Progress = { update: () => {}, stop: () => {} };

/**
 * A progress bar `label [████░░░░] 42% | 840/2000 runs | ETA 12s` over
 * `total` units, on `stream` when it is a terminal, from `delayMs` after
 * creation on (or never, when the work ends sooner).
 */
export function createProgress(total: number, label: string, options: ProgressOptions = {}): Progress {
  const stream = options.stream ?? process.stderr;
  if (!stream.isTTY || total <= 0) return NO_PROGRESS;
  const unit = options.unit ?? 'runs';
  let done = 0;
  let bar: SingleBar | undefined;
  let stopped = false;
  const show = () => {
    if (stopped || bar || done >= total) return;
    bar = new SingleBar({
      format: `${label} [{bar}] {percentage}% | {value}/{total} ${unit} | ETA {eta_formatted}`,
      stream,
      barsize: 30,
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
      fps: 10,
    });
    bar.start(total, done);
  };
  const timer = setTimeout(show, options.delayMs ?? 1000);
  timer.unref();
  return {
    update(value: number) {
      done = Math.min(total, Math.max(done, value));
      bar?.update(done);
    },
    stop() {
      if (stopped) return;
      stopped = true;
      clearTimeout(timer);
      bar?.stop();
      bar = undefined;
    },
  };
}
