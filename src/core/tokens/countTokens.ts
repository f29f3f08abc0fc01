import { countTokens as countO200k } from 'gpt-tokenizer/encoding/o200k_base';

// Code may contain special-token text such as "<|endoftext|>". An LLM's API receives it as plain
// text, so it is counted as plain text (never as one special token: that would under-count).
export const asPlainText = { disallowedSpecial: new Set<string>() };

/** Tokens of `text` in the budget tokenizer (o200k, the receiving LLM's default). */
export function countTokens(text: string): number {
  return countO200k(text, asPlainText);
}

/** A cheap upper bound: every token covers at least one UTF-8 byte. */
export function tokensAtMost(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
