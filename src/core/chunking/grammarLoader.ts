import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { Language, Parser, Query } from 'web-tree-sitter';
import { languageById } from '../languages/languageTable';

/**
 * Loads the tree-sitter runtime, grammars and query files from a build's asset folder (`dist/`: the
 * runtime `web-tree-sitter.wasm`, `grammars/<id>.wasm` and `grammars/<id>/<name>.scm`). Each is loaded
 * once, on first use.
 */
export class GrammarLoader {
  private runtime: Promise<void> | undefined;
  private readonly languages = new Map<string, Promise<Language>>();
  private readonly queries = new Map<string, Promise<Query>>();

  constructor(private readonly assetDir: string) {}

  /** A parser for a language of the table; rejects with a clear message for an unknown id or a broken file. */
  async parserFor(languageId: string): Promise<Parser> {
    const language = await this.language(languageId);
    const parser = new Parser();
    parser.setLanguage(language);
    return parser;
  }

  /** The compiled query `grammars/<id>/<name>.scm` of a language. */
  queryFor(languageId: string, name: string): Promise<Query> {
    const key = `${languageId}/${name}`;
    let query = this.queries.get(key);
    if (!query) {
      query = this.loadQuery(languageId, name);
      this.queries.set(key, query);
      query.catch(() => this.queries.delete(key));
    }
    return query;
  }

  private async loadQuery(languageId: string, name: string): Promise<Query> {
    const language = await this.language(languageId);
    const file = path.join(this.assetDir, 'grammars', languageId, `${name}.scm`);
    let source: string;
    try {
      source = await fs.readFile(file, 'utf8');
    } catch (error) {
      throw new Error(`Could not read the ${languageId} query ${file}: ${describe(error)}`);
    }
    try {
      return new Query(language, source);
    } catch (error) {
      throw new Error(`The ${languageId} query ${file} does not compile: ${describe(error)}`);
    }
  }

  private language(languageId: string): Promise<Language> {
    let loaded = this.languages.get(languageId);
    if (!loaded) {
      loaded = this.loadLanguage(languageId);
      this.languages.set(languageId, loaded);
      loaded.catch(() => this.languages.delete(languageId));
    }
    return loaded;
  }

  private async loadLanguage(languageId: string): Promise<Language> {
    if (!languageById(languageId)) throw new Error(`No tree-sitter grammar for language "${languageId}".`);
    await this.initRuntime();
    const file = path.join(this.assetDir, 'grammars', `${languageId}.wasm`);
    try {
      return await Language.load(file);
    } catch (error) {
      throw new Error(`Could not load the ${languageId} grammar from ${file}: ${describe(error)}`);
    }
  }

  private initRuntime(): Promise<void> {
    this.runtime ??= Parser.init({
      locateFile: () => path.join(this.assetDir, 'web-tree-sitter.wasm'),
    }).catch((error: unknown) => {
      this.runtime = undefined;
      throw new Error(`Could not start the tree-sitter runtime from ${this.assetDir}: ${describe(error)}`);
    });
    return this.runtime;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
