// The /v1/completions request that asks for the log-probabilities of the prompt's own tokens, and
// their reading from the answer. docs/remote-scorer.md says which servers answer it and why this shape.
import { RemoteScorerError } from './remoteScorerError';

/**
 * The prompts go as token ids (tokenized here, so the server scores exactly our tokens); `echo` with
 * `logprobs` and `max_tokens: 0` returns every prompt token's log-prob and generates nothing.
 * `return_token_ids` and `return_tokens_as_token_ids` (vLLM) spare the server detokenizing the echo and
 * let us check the tokens it scored; servers without them ignore them.
 */
export function promptLogProbsRequest(model: string, prompts: readonly Int32Array[]): Record<string, unknown> {
  return {
    model,
    prompt: prompts.map((ids) => Array.from(ids)),
    echo: true,
    logprobs: 1,
    max_tokens: 0,
    temperature: 0,
    return_token_ids: true,
    return_tokens_as_token_ids: true,
  };
}

/**
 * Per prompt, per token: log p(token t | tokens before it), NaN at 0. Reads the OpenAI echo shape
 * (`choices[i].logprobs.token_logprobs`) or vLLM's own (`choices[i].prompt_logprobs`, a map from
 * token id to `{logprob}` per position). Throws a RemoteScorerError when neither is there, or when
 * the answer does not fit the prompts.
 */
export function readPromptLogProbs(response: unknown, prompts: readonly Int32Array[], host: string): Float64Array[] {
  const choices = (response as { choices?: unknown } | null)?.choices;
  if (!Array.isArray(choices)) throw malformed(host, 'it has no "choices"');
  if (choices.length !== prompts.length) throw malformed(host, `it has ${choices.length} choices for ${prompts.length} prompts`);
  const byIndex = new Array<Record<string, unknown>>(prompts.length);
  choices.forEach((choice: unknown, order) => {
    if (typeof choice !== 'object' || choice === null) throw malformed(host, `choice ${order} is not an object`);
    const index = (choice as { index?: unknown }).index;
    const at = typeof index === 'number' ? index : order;
    if (!Number.isInteger(at) || at < 0 || at >= prompts.length || byIndex[at]) throw malformed(host, `choice index ${String(index)} does not match a prompt`);
    byIndex[at] = choice as Record<string, unknown>;
  });
  return byIndex.map((choice, i) => choiceLogProbs(choice, prompts[i]!, host));
}

function choiceLogProbs(choice: Record<string, unknown>, ids: Int32Array, host: string): Float64Array {
  checkEchoedIds(choice, ids, host);
  const logprobs = choice.logprobs as { token_logprobs?: unknown } | null | undefined;
  const tokenLogProbs = logprobs?.token_logprobs;
  if (Array.isArray(tokenLogProbs) && tokenLogProbs.length >= ids.length) {
    return Float64Array.from(ids, (_, t) => logProbAt(tokenLogProbs[t], t, host));
  }
  const promptLogProbs = choice.prompt_logprobs;
  if (Array.isArray(promptLogProbs) && promptLogProbs.length >= ids.length) {
    return Float64Array.from(ids, (id, t) => {
      const entry = promptLogProbs[t] as Record<string, { logprob?: unknown } | undefined> | null;
      return logProbAt(entry === null || entry === undefined ? null : entry[String(id)]?.logprob, t, host);
    });
  }
  throw new RemoteScorerError(
    `The scoring server at ${host} returned no log-probabilities for the prompt's tokens: the remote scorer needs /v1/completions with echo and logprobs as vLLM serves it (see docs/remote-scorer.md for the servers that do).`,
  );
}

/** Position 0 has no left context (null); every later position must carry a number. */
function logProbAt(value: unknown, t: number, host: string): number {
  if (typeof value === 'number' && !Number.isNaN(value)) return t === 0 ? Number.NaN : value;
  if (t === 0 && (value === null || value === undefined)) return Number.NaN;
  throw malformed(host, `the log-probability of prompt token ${t} is ${JSON.stringify(value) ?? 'missing'}`);
}

/** When the server says which tokens it scored (vLLM: `prompt_token_ids`, or `token_id:N` tokens), they must be ours. */
function checkEchoedIds(choice: Record<string, unknown>, ids: Int32Array, host: string): void {
  const echoed = choice.prompt_token_ids;
  if (Array.isArray(echoed) && !sameIds(echoed, ids)) throw retokenized(host);
  const tokens = (choice.logprobs as { tokens?: unknown } | null | undefined)?.tokens;
  if (Array.isArray(tokens) && tokens.length >= ids.length && tokens.every((token) => typeof token === 'string' && token.startsWith('token_id:'))) {
    if (!sameIds(tokens.slice(0, ids.length).map((token: string) => Number(token.slice('token_id:'.length))), ids)) throw retokenized(host);
  }
}

function sameIds(echoed: readonly unknown[], ids: Int32Array): boolean {
  return echoed.length === ids.length && echoed.every((id, t) => id === ids[t]);
}

function retokenized(host: string): RemoteScorerError {
  return new RemoteScorerError(`The scoring server at ${host} scored other tokens than the ones sent: it does not take token ids as the prompt, which the remote scorer needs.`);
}

function malformed(host: string, what: string): RemoteScorerError {
  return new RemoteScorerError(`The scoring server at ${host} gave an answer the remote scorer cannot read (${what}): is it an OpenAI-compatible server such as vLLM?`);
}
