import type { FromWorker, Handlers, MessageChannelEnd, ToWorker } from './protocol';

/** Runs inside a worker: answers each request with its handler, passing progress and cancellation. */
export function serveRequests(channel: MessageChannelEnd<ToWorker, FromWorker>, handlers: Handlers): void {
  const running = new Map<number, AbortController>();
  channel.onMessage((message) => {
    if (message.type === 'cancel') {
      running.get(message.id)?.abort();
      return;
    }
    const { id, method, params } = message;
    const handler = handlers[method];
    if (!handler) {
      channel.postMessage({ type: 'error', id, error: { name: 'Error', message: `Unknown worker method "${method}".` } });
      return;
    }
    const controller = new AbortController();
    running.set(id, controller);
    const context = {
      signal: controller.signal,
      progress: (progress: unknown) => channel.postMessage({ type: 'progress', id, progress }),
    };
    Promise.resolve()
      .then(() => handler(params as never, context))
      .then(
        (result) => channel.postMessage({ type: 'result', id, result }),
        (error: unknown) => {
          const { name, message } = error instanceof Error ? error : { name: 'Error', message: String(error) };
          channel.postMessage({ type: 'error', id, error: { name, message } });
        },
      )
      .finally(() => running.delete(id));
  });
}
