// One entry point for the oracle: ctags for every language but TypeScript and TSX, where universal-ctags 5.9
// is not usable (docs/corpora.md) and the TypeScript compiler's parser answers instead.
import { ctagsOracle, type CtagsOptions, type OracleLanguage, type OracleResult } from './ctagsOracle';
import { typescriptDefinitions, type TypeScriptOracleOptions } from './tsCompilerOracle';

export type OracleName = 'ctags' | 'typescript';

/** Which oracle measures a language by default. */
export function defaultOracle(language: OracleLanguage): OracleName {
  return language === 'typescript' || language === 'tsx' ? 'typescript' : 'ctags';
}

/** The definitions (and the files the oracle warned about) for files of one language. */
export function oracleDefinitions(
  language: OracleLanguage,
  files: readonly string[],
  options: CtagsOptions & TypeScriptOracleOptions & { oracle?: OracleName } = {},
): OracleResult {
  const oracle = options.oracle ?? defaultOracle(language);
  if (oracle === 'typescript') {
    if (language !== 'typescript' && language !== 'tsx' && language !== 'javascript') {
      throw new Error(`the TypeScript oracle does not read ${language}`);
    }
    return { definitions: typescriptDefinitions(language, files, options), warnings: new Map() };
  }
  return ctagsOracle(language, files, options);
}
