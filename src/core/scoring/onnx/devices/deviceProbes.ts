/** What one look at the machine found: whether a device can be used, and why, in a few words. */
export interface ProbeResult {
  readonly usable: boolean;
  readonly detail: string;
}

/**
 * The looks at the machine device selection rests on. None of them loads ONNX Runtime or a model:
 * they read files, device nodes and (where present) `vulkaninfo`. Tests pass fakes.
 */
export interface DeviceProbes {
  readonly platform: NodeJS.Platform;
  readonly arch: string;
  /** CUDA: onnxruntime-node's CUDA provider libraries, the CUDA runtime they link to, an NVIDIA driver. */
  cuda(): Promise<ProbeResult>;
  /** WebGPU: a hardware adapter (never a software one such as lavapipe). */
  webgpuAdapter(): Promise<ProbeResult>;
}
