import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { previewFormat } from '../../../src/extension/preview/previewFormat';
import { statusLabel } from '../../../src/extension/status/statusLabel';

describe('the status-bar item', () => {
  it('before any compression: the scorer the settings choose', () => {
    assert.equal(statusLabel({ scorer: { kind: 'ngram', untrusted: false }, running: false }).text, '$(fold) n-gram');
    assert.equal(statusLabel({ scorer: { kind: 'onnx', model: 'Qwen2.5-Coder-0.5B-Instruct', device: 'auto' }, running: false }).text, '$(fold) Qwen2.5-Coder-0.5B-Instruct · auto');
  });

  it('after one: the scorer and device that ran, and the ratio', () => {
    const label = statusLabel({
      scorer: { kind: 'ran', scorer: { name: 'onnx', model: 'tiny-qwen2', device: 'webgpu', dtype: 'fp16', threads: 1 }, untrusted: false },
      running: false,
      last: { ratio: 5.234, originalTokens: 12_000, compressedTokens: 2_293, budget: 2_300 },
    });
    assert.equal(label.text, '$(fold) tiny-qwen2 · webgpu · 5.2×');
    assert.match(label.tooltip, /12,000 → 2,293 tokens \(5\.2×, budget 2,300\)/);
  });

  it('an untrusted folder says plainly that only the n-gram scorer runs', () => {
    const label = statusLabel({ scorer: { kind: 'ngram', untrusted: true }, running: false });
    assert.equal(label.text, '$(shield) n-gram only');
    assert.match(label.tooltip, /not trusted: only the n-gram scorer runs/);
  });

  it('spins while compressing; a broken scorer setting is a warning', () => {
    assert.match(statusLabel({ scorer: { kind: 'ngram', untrusted: false }, running: true }).text, /^\$\(sync~spin\)/);
    const broken = statusLabel({ scorer: { kind: 'broken', problem: 'longcodezip.model.path is empty' }, running: false });
    assert.ok(broken.warning);
    assert.match(broken.tooltip, /longcodezip\.model\.path is empty/);
  });
});

describe('the preview language', () => {
  it('markdown by default; plain text in the one language of its files, else plain text', () => {
    assert.deepEqual(previewFormat([{ language: 'python' }], 'markdown'), { format: 'markdown', languageId: 'markdown' });
    assert.deepEqual(previewFormat([{ language: 'tsx' }, { language: 'tsx' }], 'text'), { format: 'text', languageId: 'typescriptreact' });
    assert.deepEqual(previewFormat([{ language: 'python' }, { language: 'go' }], 'text'), { format: 'text', languageId: 'plaintext' });
  });
});
