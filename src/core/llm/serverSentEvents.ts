/**
 * The `data` of each event of a server-sent event stream (text/event-stream), in order. Comment lines
 * (`:` keep-alives) and other fields are skipped; several `data:` lines of one event are joined by a
 * newline, as the format says. Handles lines and events split across network chunks, and CRLF.
 */
export async function* serverSentData(body: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let buffer = '';
  let data: string[] = [];
  const lines = function* (final: boolean): Generator<string> {
    for (let end = buffer.search(/\r?\n|\r/); end >= 0; end = buffer.search(/\r?\n|\r/)) {
      // A lone CR at the very end may be the first half of a CRLF still to come.
      if (!final && buffer[end] === '\r' && end === buffer.length - 1) return;
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + (buffer.startsWith('\r\n', end) ? 2 : 1));
      yield line;
    }
    if (final && buffer !== '') {
      const line = buffer;
      buffer = '';
      yield line;
    }
  };
  const take = (line: string): string | undefined => {
    if (line === '') {
      const event = data.length > 0 ? data.join('\n') : undefined;
      data = [];
      return event;
    }
    if (line.startsWith(':')) return undefined;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    if (field !== 'data') return undefined;
    const value = colon < 0 ? '' : line.slice(colon + 1);
    data.push(value.startsWith(' ') ? value.slice(1) : value);
    return undefined;
  };
  for await (const chunk of body) {
    buffer += decoder.decode(chunk, { stream: true });
    for (const line of lines(false)) {
      const event = take(line);
      if (event !== undefined) yield event;
    }
  }
  buffer += decoder.decode();
  for (const line of [...lines(true), '']) {
    const event = take(line);
    if (event !== undefined) yield event;
  }
}
