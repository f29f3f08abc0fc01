/**
 * The files of a task's context: its own file, then the package's files nearest to it in path order (the
 * next one before the previous one at the same distance), until the context holds `target` tokens. A file
 * that would take it over `max` is passed over. Returns the chosen files in path order, or undefined when
 * they do not reach `min` tokens or the task's file alone is over `max`.
 */
export function chooseContextFiles(
  files: readonly string[],
  taskFile: string,
  tokensOf: (file: string) => number,
  limits: { readonly min: number; readonly target: number; readonly max: number },
): string[] | undefined {
  const at = files.indexOf(taskFile);
  let total = tokensOf(taskFile);
  if (at < 0 || total > limits.max) return undefined;
  const chosen = new Set([at]);
  for (let distance = 1; total < limits.target && (at + distance < files.length || at - distance >= 0); distance++) {
    for (const i of [at + distance, at - distance]) {
      if (i < 0 || i >= files.length || total >= limits.target) continue;
      const tokens = tokensOf(files[i]!);
      if (total + tokens > limits.max) continue;
      total += tokens;
      chosen.add(i);
    }
  }
  if (total < limits.min) return undefined;
  return [...chosen].sort((a, b) => a - b).map((i) => files[i]!);
}
