import * as fs from 'node:fs';
import * as path from 'node:path';
import { AutoTokenizer, env, type PreTrainedTokenizer } from '@huggingface/transformers';
import { ModelFolderError } from './modelFolder';
import { tokenBytesTable } from './tokenBytes';

/** A model's own tokenizer, loaded from its folder with no network: ids without special tokens, and each token's bytes. */
export class ModelTokenizer {
  readonly bytesOf: (id: number) => Uint8Array;

  private constructor(private readonly tokenizer: PreTrainedTokenizer) {
    const inner = tokenizer._tokenizer;
    const json = tokenizer._tokenizerJSON as { decoder?: { type?: string; decoders?: { type?: string }[] } } | undefined;
    const decoderTypes = [json?.decoder?.type, ...(json?.decoder?.decoders ?? []).map((decoder) => decoder.type)];
    const added = new Map<number, string>();
    for (const [id, token] of inner.get_added_tokens_decoder()) added.set(id, token.content);
    this.bytesOf = tokenBytesTable((id) => inner.id_to_token(id), {
      byteLevel: decoderTypes.includes('ByteLevel'),
      added,
      decode: (id) => tokenizer.decode([id]),
    });
  }

  static async load(folder: string): Promise<ModelTokenizer> {
    env.allowRemoteModels = false;
    env.allowLocalModels = true;
    env.useFSCache = false;
    env.useBrowserCache = false;
    for (const file of ['tokenizer.json', 'tokenizer_config.json']) {
      try {
        JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8'));
      } catch (error) {
        throw new ModelFolderError(`Model file ${file} in ${folder} cannot be read (${firstLine(error)}): download the model again.`);
      }
    }
    try {
      return new ModelTokenizer(await AutoTokenizer.from_pretrained(folder, { local_files_only: true }));
    } catch (error) {
      throw new ModelFolderError(`The tokenizer in ${folder} cannot be loaded (${firstLine(error)}): download the model again.`);
    }
  }

  encode(text: string): Int32Array {
    if (text.length === 0) return new Int32Array(0);
    return Int32Array.from(this.tokenizer.encode(text, { add_special_tokens: false }));
  }
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}
