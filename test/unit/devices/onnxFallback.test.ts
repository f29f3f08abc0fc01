import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkCudaLibraries } from '../../../src/core/scoring/onnx/devices/cudaLibraries';
import { OnnxScorer } from '../../../src/core/scoring/onnx/onnxScorer';
import { tinyModelDir } from '../scoring/onnx/tinyModel';

describe('the neural scorer on a device that fails', () => {
  it('--device cuda without the CUDA libraries runs on the CPU, says why with each request, and scores as the CPU does', async () => {
    const cuda = await checkCudaLibraries();
    const scorer = await OnnxScorer.open({ folder: tinyModelDir, dtype: 'fp32', device: 'cuda', threads: 1 });
    const cpu = await OnnxScorer.open({ folder: tinyModelDir, dtype: 'fp32', device: 'cpu', threads: 1 });
    try {
      const notes: string[] = [];
      const values = await scorer.lineLogProbs('def add(a, b):\n    return a + b\n', { onNote: (note) => notes.push(note) });
      if (cuda.usable) {
        assert.equal(scorer.info().device, 'cuda', 'a machine with CUDA runs on it');
        return;
      }
      assert.deepEqual(scorer.info(), { name: 'onnx', model: 'tiny-qwen2', device: 'cpu', dtype: 'fp32', threads: 1 });
      assert.deepEqual(notes, [`The CUDA device (cuda) failed: ${cuda.detail}. The neural scorer runs on the CPU instead.`]);
      assert.deepEqual(values, await cpu.lineLogProbs('def add(a, b):\n    return a + b\n'));
      await scorer.queryLogProbs(['x = 1'], 'y', { onNote: (note) => notes.push(note) });
      assert.equal(notes.length, 2, 'told again with the next request (each result carries it)');
    } finally {
      await scorer.dispose();
      await cpu.dispose();
    }
  });

  it('auto without a dtype takes q8 on the CPU', async () => {
    const scorer = await OnnxScorer.open({ folder: tinyModelDir, device: 'cpu', threads: 1 });
    try {
      assert.equal(scorer.info().dtype, 'q8');
    } finally {
      await scorer.dispose();
    }
  });
});
