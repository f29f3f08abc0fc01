// The compression settings as a compression uses them, checked. No `vscode` here: the reader
// (readCompressionSettings.ts) hands in a lookup, and the unit tests hand in a table.
import type { BudgetTokenizer } from '../../core/tokens/budgetTokenizer';
import type { RankingMode } from '../../core/retrieval/rankChunks';
import { DEFAULT_PARAMETERS } from '../../core/compress/parameters';

/** How the compressed context is written: what the preview shows, Copy copies and the budget counts. */
export type OutputFormat = 'markdown' | 'text';

export interface CompressionSettings {
  readonly budget: { readonly question: number; readonly completion: number };
  readonly fineRatio: number;
  readonly beta: number;
  readonly ranking: RankingMode;
  readonly poolFactor: number;
  readonly tokenizer: BudgetTokenizer;
  readonly format: OutputFormat;
  readonly exclude: readonly string[];
  readonly maxFileBytes: number;
}

/** A setting whose value cannot be used: the key (to open the settings at it) and one sentence. */
export interface SettingProblem {
  readonly key: string;
  readonly message: string;
}

/** A setting's value as the user wrote it (undefined: not set anywhere, the default applies). */
export type SettingLookup = (key: string) => unknown;

export const SETTING_DEFAULTS = {
  'budget.question': 4000,
  'budget.completion': 2000,
  fineRatio: DEFAULT_PARAMETERS.fineRatio,
  beta: DEFAULT_PARAMETERS.beta,
  ranking: DEFAULT_PARAMETERS.ranking,
  scoringPoolFactor: DEFAULT_PARAMETERS.poolFactor,
  tokenizer: 'o200k',
  format: 'markdown',
  maxFileSizeKB: 1000,
} as const;

/**
 * Reads and checks every compression setting. Values VS Code's settings editor would flag (a string
 * where a number belongs, a number out of range, an unknown choice) come back as problems, each naming
 * its setting; the settings are only returned when there are none.
 */
export function checkCompressionSettings(get: SettingLookup): { settings: CompressionSettings } | { problems: SettingProblem[] } {
  const problems: SettingProblem[] = [];
  const number = (key: keyof typeof SETTING_DEFAULTS, range: Range, integer = false): number => {
    const value = get(key) ?? SETTING_DEFAULTS[key];
    if (typeof value === 'number' && Number.isFinite(value) && (!integer || Number.isInteger(value)) && inRange(value, range)) return value;
    problems.push({ key: `longcodezip.${key}`, message: `longcodezip.${key} must be ${integer ? 'a whole number' : 'a number'} ${describeRange(range)}, not ${shown(value)}.` });
    return Number(SETTING_DEFAULTS[key]);
  };
  const choice = <T extends string>(key: keyof typeof SETTING_DEFAULTS, choices: readonly T[]): T => {
    const value = get(key) ?? SETTING_DEFAULTS[key];
    if (typeof value === 'string' && (choices as readonly string[]).includes(value)) return value as T;
    problems.push({ key: `longcodezip.${key}`, message: `longcodezip.${key} must be one of ${choices.map((c) => `"${c}"`).join(', ')}, not ${shown(value)}.` });
    return SETTING_DEFAULTS[key] as T;
  };

  const settings: CompressionSettings = {
    budget: {
      question: number('budget.question', { atLeast: 100 }, true),
      completion: number('budget.completion', { atLeast: 100 }, true),
    },
    fineRatio: number('fineRatio', { above: 0, atMost: 1 }),
    beta: number('beta', { atLeast: 0, atMost: 1 }),
    ranking: choice<RankingMode>('ranking', ['auto', 'fused', 'ami']),
    poolFactor: number('scoringPoolFactor', { atLeast: 1, atMost: 20 }),
    tokenizer: choice<BudgetTokenizer>('tokenizer', ['o200k', 'cl100k']),
    format: choice<OutputFormat>('format', ['markdown', 'text']),
    exclude: excludeGlobs(get('exclude'), problems),
    maxFileBytes: number('maxFileSizeKB', { atLeast: 1, atMost: 100_000 }, true) * 1000,
  };
  return problems.length > 0 ? { problems } : { settings };
}

interface Range {
  readonly above?: number;
  readonly atLeast?: number;
  readonly atMost?: number;
}

function inRange(value: number, range: Range): boolean {
  return (range.above === undefined || value > range.above) && (range.atLeast === undefined || value >= range.atLeast) && (range.atMost === undefined || value <= range.atMost);
}

function describeRange(range: Range): string {
  const low = range.above !== undefined ? `above ${range.above}` : range.atLeast !== undefined ? `at least ${range.atLeast.toLocaleString('en-US')}` : '';
  const high = range.atMost !== undefined ? `at most ${range.atMost.toLocaleString('en-US')}` : '';
  return [low, high].filter(Boolean).join(' and ');
}

function excludeGlobs(value: unknown, problems: SettingProblem[]): string[] {
  if (value === undefined) return [];
  if (Array.isArray(value) && value.every((glob) => typeof glob === 'string')) return value.filter((glob) => glob.trim() !== '');
  problems.push({ key: 'longcodezip.exclude', message: `longcodezip.exclude must be a list of glob patterns, not ${shown(value)}.` });
  return [];
}

function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
