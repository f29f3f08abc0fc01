import * as os from 'node:os';
import type { DeviceName } from '../../core/scoring/onnx/devices/deviceName';
import type { ModelDtype } from '../../core/scoring/onnx/modelFolder';
import { OnnxProcessScorer } from '../../core/scoring/onnx/onnxProcessScorer';

export interface NeuralScorerSettings {
  readonly folder: string;
  readonly dtype: ModelDtype;
  readonly device: DeviceName;
  readonly memoryLimitBytes: number;
}

/**
 * The neural scorer's child process: started the first time a compression needs it, kept for the next
 * ones while the settings stay the same, stopped when they change and when the extension deactivates.
 */
export class NeuralScorerProcess {
  private current: { readonly key: string; readonly scorer: Promise<OnnxProcessScorer> } | undefined;

  constructor(private readonly script: string) {}

  /** The running scorer for these settings, or a new one (its model loaded) if there is none. */
  scorer(settings: NeuralScorerSettings): Promise<OnnxProcessScorer> {
    const key = JSON.stringify([settings.folder, settings.dtype, settings.device, settings.memoryLimitBytes]);
    if (this.current?.key === key) return this.current.scorer;
    void this.stop();
    const scorer = OnnxProcessScorer.open({
      script: this.script,
      folder: settings.folder,
      dtype: settings.dtype,
      device: settings.device,
      threads: Math.max(1, os.availableParallelism() - 1),
      memoryLimit: { bytes: settings.memoryLimitBytes, setting: 'longcodezip.scorer.memoryLimitMB' },
    });
    const current = { key, scorer };
    this.current = current;
    // A model that does not load is tried again next time (the user may have fixed the folder).
    scorer.catch(() => {
      if (this.current === current) this.current = undefined;
    });
    return scorer;
  }

  /** Stops the child process, if one runs. */
  async stop(): Promise<void> {
    const stopping = this.current?.scorer;
    this.current = undefined;
    await stopping?.then((scorer) => scorer.dispose()).catch(() => undefined);
  }

  dispose(): void {
    void this.stop();
  }
}
