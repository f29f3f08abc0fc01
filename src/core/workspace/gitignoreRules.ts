/**
 * Rewrites the rules of the .gitignore in `dir` (workspace-relative POSIX, '' for the root) so that they
 * read as rules of the root: `/build` in `pkg/` becomes `pkg/build`, and `*.log` becomes a rule for
 * `*.log` files anywhere below `pkg/`. A rule with a slash before its end is anchored to its own folder, one without matches at any depth
 * below it, as git has it. With every rule rebased, a folder's rules can be appended after those of the
 * folders above it, and the last matching rule wins, which is git's precedence: deeper files first, and
 * later lines first within a file.
 */
export function rebaseGitignore(text: string, dir: string): string[] {
  const rules: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line === '' || line.startsWith('#')) continue;
    const negated = line.startsWith('!');
    const body = negated ? line.slice(1) : line;
    const pattern = withoutTrailingSpaces(body);
    if (pattern === '' || pattern === '/') continue;
    const bang = negated ? '!' : '';
    if (dir === '') {
      rules.push(bang + pattern);
    } else if (pattern.slice(0, -1).includes('/')) {
      rules.push(`${bang}${dir}/${pattern.replace(/^\//, '')}`);
    } else {
      rules.push(`${bang}${dir}/**/${pattern}`);
    }
  }
  return rules;
}

/** Git drops trailing spaces unless a backslash escapes them. */
function withoutTrailingSpaces(pattern: string): string {
  let end = pattern.length;
  while (end > 0 && pattern[end - 1] === ' ' && pattern[end - 2] !== '\\') end -= 1;
  return pattern.slice(0, end);
}
