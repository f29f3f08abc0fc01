/**
 * Noise left out of every collection unless the caller passes its own list (CollectOptions.
 * defaultExcludes). Unlike secrets, excluded files are not reported. Kept small on purpose: binary files
 * (images, archives, bytecode) are recognised by their content, and a project's .gitignore covers its
 * build output. These are what a folder without a .gitignore, or a checked-in one, still has.
 */
export const DEFAULT_EXCLUDES: readonly string[] = [
  // Other version control systems' folders (.git is always skipped, whatever the excludes).
  '.hg',
  '.svn',
  // Installed dependencies and bytecode caches.
  'node_modules',
  '__pycache__',
  // Lock files: long, generated, and say nothing about the code.
  'package-lock.json',
  'npm-shrinkwrap.json',
  'yarn.lock',
  'pnpm-lock.yaml',
  'bun.lock',
  'Cargo.lock',
  'poetry.lock',
  'uv.lock',
  'Pipfile.lock',
  'composer.lock',
  'Gemfile.lock',
  'go.sum',
  // Source maps: one generated line of JSON per bundle.
  '*.map',
];
