import type { ModelDtype } from '../../scoring/onnx/modelFolder';

/** A model the scorer is known to work with, as the model list shows it. */
export interface CatalogModel {
  readonly id: string;
  readonly title: string;
  readonly parameters: string;
  /** Where it stands against the default: the list offers a smaller and a larger one. */
  readonly role: 'default' | 'smaller' | 'larger';
  readonly note: string;
  /**
   * About how much each weight variant downloads (model file and its external data), for display only:
   * downloads are checked against what the server states, never against these figures.
   */
  readonly approximateBytes: Partial<Record<ModelDtype, number>>;
}

export const DEFAULT_MODEL_ID = 'onnx-community/Qwen2.5-Coder-0.5B-Instruct';

export const MODEL_CATALOG: readonly CatalogModel[] = [
  {
    id: DEFAULT_MODEL_ID,
    title: 'Qwen2.5-Coder 0.5B Instruct',
    parameters: '0.5B',
    role: 'default',
    note: 'a code model; ranks context as well as the 7B in the LongCodeZip paper',
    approximateBytes: { q8: 640e6, fp16: 990e6, fp32: 1.98e9 },
  },
  {
    id: 'HuggingFaceTB/SmolLM2-135M-Instruct',
    title: 'SmolLM2 135M Instruct',
    parameters: '135M',
    role: 'smaller',
    note: 'a general model trained with code; for slow machines, ranks less well',
    approximateBytes: { q8: 140e6, fp16: 270e6, fp32: 540e6 },
  },
  {
    id: 'onnx-community/Qwen2.5-Coder-1.5B-Instruct',
    title: 'Qwen2.5-Coder 1.5B Instruct',
    parameters: '1.5B',
    role: 'larger',
    note: 'the same family, three times the size; worth it on a GPU',
    approximateBytes: { q8: 1.6e9, fp16: 3.1e9, fp32: 6.2e9 },
  },
];

export function catalogEntry(id: string): CatalogModel | undefined {
  return MODEL_CATALOG.find((model) => model.id.toLowerCase() === id.toLowerCase());
}
