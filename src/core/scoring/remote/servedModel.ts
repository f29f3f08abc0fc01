import type { CompletionsClient } from './completionsClient';
import { RemoteScorerError } from './remoteScorerError';

/**
 * Checks that the server serves `model` (GET /models) and returns the longest prompt it takes: vLLM
 * and SGLang report `max_model_len`, which counts the generated token too, so one less; undefined
 * when the server does not say.
 */
export async function servedModelWindow(client: CompletionsClient, model: string, signal?: AbortSignal): Promise<number | undefined> {
  const answer = await client.get('/models', signal);
  const data = (answer as { data?: unknown } | null)?.data;
  if (!Array.isArray(data)) {
    throw new RemoteScorerError(`The scoring server at ${client.host} answered GET /models without a model list: is the endpoint an OpenAI-compatible server such as vLLM?`, 'endpoint');
  }
  const models = data.filter((entry): entry is { id: string; max_model_len?: unknown } => typeof (entry as { id?: unknown } | null)?.id === 'string');
  const served = models.find((entry) => entry.id === model);
  if (!served) {
    const names = models.map((entry) => entry.id);
    const listed = names.length === 0 ? 'none' : names.slice(0, 5).join(', ') + (names.length > 5 ? ', …' : '');
    throw new RemoteScorerError(`The scoring server at ${client.host} does not serve model '${model}' (it serves: ${listed}): give one of those names as the model.`, 'model');
  }
  const length = served.max_model_len;
  return typeof length === 'number' && Number.isInteger(length) && length > 1 ? length - 1 : undefined;
}
