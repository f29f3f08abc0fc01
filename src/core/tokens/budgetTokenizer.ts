import { countTokens as countCl100k } from 'gpt-tokenizer/encoding/cl100k_base';
import { asPlainText, countTokens as countO200k } from './countTokens';

/** The tokenizers a budget can be counted in: the receiving LLM's. */
export type BudgetTokenizer = 'o200k' | 'cl100k';

/** Counts text in the named budget tokenizer (special-token text counted as plain text, like countTokens). */
export function budgetCounter(tokenizer: BudgetTokenizer): (text: string) => number {
  return tokenizer === 'o200k' ? countO200k : (text) => countCl100k(text, asPlainText);
}
