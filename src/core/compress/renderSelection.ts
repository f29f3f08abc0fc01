import { fileText } from '../chunking/chunk';
import type { ContextIndex } from './contextIndex';
import type { LineRange } from './lineRange';
import type { CompletionTail } from './prepareQuery';
import { fileHeaderLine, placeholderLine, renderContext, type RenderFile } from './render/renderContext';
import type { KeptChunks } from './selectCoarse';
import { keptChunks, keptLinesOf, mergeRanges, type Selection } from './selection';

export interface SelectionRenderer {
  (selection: Selection): string;
  /** Tokens keeping one more chunk adds besides its own: a new file header, the placeholders around it. */
  costOfAdding(id: string, kept: KeptChunks): number;
}

/** Renders a selection of the context: files in context order, kept lines, placeholders, the tail last. */
export function renderSelection(index: ContextIndex, format: 'text' | 'markdown', tail: CompletionTail | undefined): SelectionRenderer {
  const texts = new Map<string, string>();
  const textOf = (path: string) => {
    let text = texts.get(path);
    if (text === undefined) {
      text = fileText(index.files.get(path)!);
      texts.set(path, text);
    }
    return text;
  };
  const headerTokens = new Map<string, number>();
  const placeholderTokens = new Map<string | undefined, number>();
  const placeholderCost = (language: string | undefined) => {
    let tokens = placeholderTokens.get(language);
    if (tokens === undefined) {
      tokens = index.countTokensOf(placeholderLine(language, 100, '    '));
      placeholderTokens.set(language, tokens);
    }
    return tokens;
  };

  const render = (selection: Selection): string => {
    const byFile = new Map<string, LineRange[]>();
    for (const id of keptChunks(selection, index)) {
      const chunk = index.chunk(id);
      const ranges = byFile.get(chunk.path) ?? [];
      ranges.push(...keptLinesOf(id, selection, index));
      byFile.set(chunk.path, ranges);
    }
    const files: RenderFile[] = [];
    for (const [path, file] of index.files) {
      const ranges = byFile.get(path);
      if (ranges) files.push({ path, language: file.language, text: textOf(path), kept: mergeRanges(ranges) });
    }
    return renderContext(files, { format, completion: tail });
  };

  render.costOfAdding = (id: string, kept: KeptChunks): number => {
    const chunk = index.chunk(id);
    let cost = 0;
    const fileKept = index.files.get(chunk.path)!.chunks.some((other) => kept.has(other.id));
    if (!fileKept) {
      let header = headerTokens.get(chunk.path);
      if (header === undefined) {
        header = index.countTokensOf(fileHeaderLine(chunk.path, chunk.language, format));
        headerTokens.set(chunk.path, header);
      }
      cost += header;
      // The first chunk kept in a file leaves a gap after it too (every other chunk only moves that gap).
      if (index.nextInFile(id)) cost += placeholderCost(chunk.language);
    }
    const before = index.previousInFile(id);
    if (before && !kept.has(before.id)) cost += placeholderCost(chunk.language);
    return cost;
  };
  return render;
}
