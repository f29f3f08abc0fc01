import { compileGlobs } from './globMatcher';
import type { SkippedFile } from './workspaceFile';

/**
 * Files that may hold credentials. They are never collected, whatever the settings say, and always
 * appear in the skipped list so the user sees they were left out. Patterns without a slash match the
 * file name at any depth; patterns with one match the workspace-relative path. Letter case is ignored
 * (`ID_RSA` on a case-insensitive disk is the same file). The list errs on the side of leaving out: a
 * `.env.example` is skipped too. docs/workspace.md explains each entry.
 */
export const SECRET_FILE_PATTERNS: readonly string[] = [
  // Environment files (dotenv, direnv).
  '.env*',
  // Private keys and certificate stores.
  '*.pem',
  '*.key',
  '*.p8',
  '*.p12',
  '*.pfx',
  '*.ppk',
  '*.keystore',
  '*.jks',
  'id_rsa*',
  'id_dsa*',
  'id_ecdsa*',
  'id_ed25519*',
  // Package registry and login tokens.
  '.npmrc',
  '.yarnrc.yml',
  '.pypirc',
  '.netrc',
  '_netrc',
  '.pgpass',
  '.htpasswd',
  '.git-credentials',
  // Cloud and tool credential files.
  'credentials',
  'credentials.json',
  '**/.docker/config.json',
  '**/.kube/config',
  // Terraform state holds every secret of the resources it manages, in plain text.
  '*.tfstate',
  '*.tfstate.backup',
];

const matchSecret = compileGlobs(SECRET_FILE_PATTERNS, { caseSensitive: false });

/** The pattern that marks a workspace-relative POSIX path as a secret, or undefined. */
export function secretPatternOf(relativePath: string): string | undefined {
  return matchSecret(relativePath);
}

export function secretSkip(path: string, pattern: string): SkippedFile {
  return { path, reason: 'secret', detail: `May hold secrets (it matches ${pattern}), so it is never collected.` };
}
