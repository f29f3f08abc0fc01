import { monitorEventLoopDelay } from 'node:perf_hooks';

/**
 * Watches the extension host's event loop while work runs on it: `stop()` gives the longest time, in
 * milliseconds, the loop could not turn (the host froze for the user that long).
 */
export function watchHostStalls(): { stop(): number } {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  return {
    stop() {
      histogram.disable();
      return Math.round(histogram.max / 1e6);
    },
  };
}
