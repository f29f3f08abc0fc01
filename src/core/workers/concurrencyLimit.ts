/** Runs at most `limit` tasks at a time; the rest wait in order. */
export type Limiter = <T>(task: () => Promise<T>) => Promise<T>;

export function limitConcurrency(limit: number): Limiter {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (running < limit) running += 1;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      // Hand the slot straight to the next waiter, so `running` never drops and rises again in between.
      const next = waiting.shift();
      if (next) next();
      else running -= 1;
    }
  };
}
