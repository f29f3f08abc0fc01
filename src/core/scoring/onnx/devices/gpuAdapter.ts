import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ProbeResult } from './deviceProbes';

/** One Vulkan physical device as `vulkaninfo --summary` lists it. */
export interface VulkanDevice {
  readonly name: string;
  /** PHYSICAL_DEVICE_TYPE_ without the prefix: DISCRETE_GPU, INTEGRATED_GPU, VIRTUAL_GPU, CPU, OTHER. */
  readonly type: string;
}

export interface GpuAdapterOptions {
  /** Prefix for /dev, /sys and the Vulkan driver folders (tests build a fake tree). Default '/'. */
  readonly root?: string;
  /** `vulkaninfo --summary`'s devices; undefined when vulkaninfo is not installed or fails. */
  readonly vulkanDevices?: () => Promise<VulkanDevice[] | undefined>;
  readonly env?: NodeJS.ProcessEnv;
}

/** Kernel drivers whose render node is no GPU. */
const SOFTWARE_DRM_DRIVERS = new Set(['vgem', 'vkms']);
/** Vulkan drivers that run on the CPU. */
const SOFTWARE_ICD = /lvp|lavapipe|swiftshader|llvmpipe/i;
/** A kernel driver's own Vulkan driver, by a word in its library's name (the Vulkan driver must be present too). */
const VULKAN_DRIVER_OF: Readonly<Record<string, RegExp>> = {
  i915: /intel/i,
  xe: /intel/i,
  amdgpu: /radeon|amdvlk|amd/i,
  radeon: /radeon/i,
  nouveau: /nouveau/i,
  'nvidia-drm': /nvidia/i,
  nvidia: /nvidia/i,
  virtio_gpu: /virtio/i,
  msm: /freedreno/i,
  panfrost: /panfrost/i,
  v3d: /broadcom|v3dv/i,
};

/**
 * Whether WebGPU (Dawn, on Vulkan here) would find a hardware adapter on Linux. ONNX Runtime says
 * nothing about the adapter it got, and a session on a software one (lavapipe) starts without error, so
 * this looks for itself: `vulkaninfo`'s device types when it is installed; otherwise a GPU device node
 * (/dev/dri/renderD* of a real GPU driver, or /dev/nvidia*) together with a Vulkan driver for that GPU.
 */
export async function linuxGpuAdapter(options: GpuAdapterOptions = {}): Promise<ProbeResult> {
  const root = options.root ?? '/';
  const listed = await (options.vulkanDevices ?? vulkaninfoDevices)();
  if (listed !== undefined) {
    const hardware = listed.filter((device) => device.type !== 'CPU');
    if (hardware.length > 0) return { usable: true, detail: `hardware adapter ${describe(hardware[0]!)}` };
    if (listed.length > 0) return { usable: false, detail: `only a software adapter: ${listed.map(describe).join(', ')}` };
    return { usable: false, detail: 'vulkaninfo lists no Vulkan device' };
  }

  const gpus = gpuDrivers(root);
  if (gpus.length === 0) return { usable: false, detail: 'no GPU device node (/dev/dri/renderD*, /dev/nvidia*): a software adapter at most' };
  const icds = vulkanDriverLibraries(root, options.env ?? process.env).filter((library) => !SOFTWARE_ICD.test(library));
  for (const driver of gpus) {
    const own = VULKAN_DRIVER_OF[driver];
    const match = icds.find((library) => (own ? own.test(library) : true));
    if (match !== undefined) return { usable: true, detail: `hardware adapter (${driver}, Vulkan driver ${path.basename(match)})` };
  }
  return { usable: false, detail: `a GPU (${gpus.join(', ')}) but no Vulkan driver for it: WebGPU would get a software adapter at most` };
}

/** The kernel drivers of the machine's GPU device nodes. */
function gpuDrivers(root: string): string[] {
  const drivers = new Set<string>();
  for (const node of safeList(path.join(root, 'dev/dri')).filter((name) => name.startsWith('renderD'))) {
    let driver = 'unknown';
    try {
      driver = path.basename(fs.readlinkSync(path.join(root, 'sys/class/drm', node, 'device/driver')));
    } catch {
      // No sysfs entry (a container given the node only): a GPU of unknown kind.
    }
    if (!SOFTWARE_DRM_DRIVERS.has(driver)) drivers.add(driver);
  }
  if (safeList(path.join(root, 'dev')).some((name) => /^nvidia\d+$/.test(name))) drivers.add('nvidia');
  return [...drivers];
}

/** The library named by each Vulkan driver manifest the loader would read (VK_DRIVER_FILES / VK_ICD_FILENAMES win). */
function vulkanDriverLibraries(root: string, env: NodeJS.ProcessEnv): string[] {
  const chosen = env.VK_DRIVER_FILES ?? env.VK_ICD_FILENAMES;
  const manifests = chosen
    ? chosen.split(':').filter(Boolean)
    : ['etc/vulkan/icd.d', 'usr/local/share/vulkan/icd.d', 'usr/share/vulkan/icd.d'].flatMap((dir) =>
        safeList(path.join(root, dir))
          .filter((name) => name.endsWith('.json'))
          .map((name) => path.join(root, dir, name)),
      );
  return manifests.map((file) => {
    try {
      const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as { ICD?: { library_path?: unknown } };
      return typeof manifest.ICD?.library_path === 'string' ? manifest.ICD.library_path : path.basename(file);
    } catch {
      return path.basename(file);
    }
  });
}

function vulkaninfoDevices(): Promise<VulkanDevice[] | undefined> {
  return new Promise((resolve) => {
    execFile('vulkaninfo', ['--summary'], { timeout: 10_000 }, (error, stdout) => resolve(error ? undefined : parseVulkaninfoSummary(stdout)));
  });
}

/** The devices of `vulkaninfo --summary`: the deviceName and deviceType of each GPUn block. */
export function parseVulkaninfoSummary(output: string): VulkanDevice[] {
  return output
    .split(/^GPU\d+:\s*$/m)
    .slice(1)
    .flatMap((block) => {
      const field = (key: string) => new RegExp(`^\\s*${key}\\s*=\\s*(.*?)\\s*$`, 'm').exec(block)?.[1];
      const type = field('deviceType');
      return type === undefined ? [] : [{ name: field('deviceName') ?? 'unknown', type: type.replace(/^PHYSICAL_DEVICE_TYPE_/, '') }];
    });
}

function describe(device: VulkanDevice): string {
  return `${device.name}, device type ${device.type}`;
}

function safeList(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}
