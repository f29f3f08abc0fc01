// How the catalog's models read in the "choose model" list. Pure (no `vscode`).
import type { ModelListing } from '../../core/models/listModels';
import type { ModelDtype } from '../../core/scoring/onnx/modelFolder';
import { describeSize } from '../../core/workspace/describeSize';

export type ModelState = 'in use' | 'downloaded' | 'partly downloaded' | 'not downloaded';

export interface ModelChoice {
  readonly id: string;
  readonly folder: string;
  readonly state: ModelState;
  readonly label: string;
  readonly description: string;
  readonly detail: string;
}

/** One line per model: its title, what is on disk for `dtype` (or what a download would cost), its note. */
export function modelChoices(listings: readonly ModelListing[], dtype: ModelDtype, modelPathInUse: string): ModelChoice[] {
  return listings.map((listing) => {
    const variant = listing.downloaded.find((entry) => entry.dtype === dtype);
    const inUse = modelPathInUse !== '' && samePath(modelPathInUse, listing.folder);
    const state: ModelState = variant?.complete ? (inUse ? 'in use' : 'downloaded') : variant ? 'partly downloaded' : 'not downloaded';
    const approximate = listing.catalog?.approximateBytes[dtype];
    const size = variant?.complete ? describeSize(variant.bytes) : approximate !== undefined ? `about ${describeSize(approximate)} to download` : 'size unknown';
    const title = listing.catalog ? `${listing.catalog.title} (${listing.catalog.parameters})` : listing.id;
    return {
      id: listing.id,
      folder: listing.folder,
      state,
      label: `${state === 'in use' ? '$(check) ' : state === 'downloaded' ? '$(pass) ' : '$(cloud-download) '}${title}`,
      description: `${dtype} · ${state}${state === 'partly downloaded' ? ', resumes' : ''} · ${size}`,
      detail: listing.catalog ? `${listing.id}: ${listing.catalog.note}` : listing.id,
    };
  });
}

function samePath(a: string, b: string): boolean {
  return a.replace(/[\\/]+$/, '') === b.replace(/[\\/]+$/, '');
}
