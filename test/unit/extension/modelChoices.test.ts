import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { catalogEntry, DEFAULT_MODEL_ID } from '../../../src/core/models/catalog/modelCatalog';
import type { ModelListing } from '../../../src/core/models/listModels';
import { modelChoices } from '../../../src/extension/models/modelChoices';

const catalog = catalogEntry(DEFAULT_MODEL_ID)!;
const folder = '/storage/models/onnx-community/Qwen2.5-Coder-0.5B-Instruct';

describe('the model list of "Choose Model and Device"', () => {
  it('a model not on disk offers its download size for the weights in use', () => {
    const [choice] = modelChoices([{ id: DEFAULT_MODEL_ID, catalog, folder, downloaded: [] }], 'q8', '');
    assert.equal(choice!.state, 'not downloaded');
    assert.equal(choice!.description, 'q8 · not downloaded · about 640 MB to download');
    assert.match(choice!.label, /^\$\(cloud-download\) Qwen2\.5-Coder 0\.5B Instruct \(0\.5B\)$/);
  });

  it('a complete download shows its size on disk, and is marked when it is the model in use', () => {
    const listing: ModelListing = { id: DEFAULT_MODEL_ID, catalog, folder, downloaded: [{ dtype: 'q8', complete: true, bytes: 639_123_456 }] };
    assert.equal(modelChoices([listing], 'q8', '').at(0)!.description, 'q8 · downloaded · 639.1 MB');
    assert.equal(modelChoices([listing], 'q8', `${folder}/`).at(0)!.state, 'in use');
    // Other weights of the same model are another download.
    assert.equal(modelChoices([listing], 'fp32', folder).at(0)!.state, 'not downloaded');
  });

  it('an interrupted download says it resumes; a model outside the catalog is listed by id', () => {
    const partial: ModelListing = { id: 'someone/tiny', folder: '/m/someone/tiny', downloaded: [{ dtype: 'q8', complete: false, bytes: 10 }] };
    const [choice] = modelChoices([partial], 'q8', '');
    assert.equal(choice!.description, 'q8 · partly downloaded, resumes · size unknown');
    assert.match(choice!.label, /someone\/tiny$/);
  });
});
