import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_PARAMETERS } from '../../../src/core/compress/parameters';
import { checkCompressionSettings, SETTING_DEFAULTS, type SettingLookup } from '../../../src/extension/settings/compressionSettings';
import { repoRoot } from '../../helpers/repoPaths';

const from = (values: Record<string, unknown>): SettingLookup => (key) => values[key];

describe('compression settings', () => {
  it('nothing set: the documented defaults', () => {
    const checked = checkCompressionSettings(from({}));
    assert.ok('settings' in checked);
    assert.deepEqual(checked.settings, {
      budget: { question: 4000, completion: 2000 },
      fineRatio: DEFAULT_PARAMETERS.fineRatio,
      beta: DEFAULT_PARAMETERS.beta,
      ranking: DEFAULT_PARAMETERS.ranking,
      poolFactor: DEFAULT_PARAMETERS.poolFactor,
      tokenizer: 'o200k',
      format: 'markdown',
      exclude: [],
      maxFileBytes: 1_000_000,
    });
  });

  it("the settings editor shows the engine's defaults (package.json agrees with the code)", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
      contributes: { configuration: { properties: Record<string, { default?: unknown }> } };
    };
    for (const [key, value] of Object.entries(SETTING_DEFAULTS)) {
      assert.deepEqual(manifest.contributes.configuration.properties[`longcodezip.${key}`]?.default, value, `longcodezip.${key}`);
    }
  });

  it('takes what the user set', () => {
    const checked = checkCompressionSettings(
      from({ 'budget.question': 1500, fineRatio: 1, beta: 0, ranking: 'ami', scoringPoolFactor: 5, tokenizer: 'cl100k', format: 'text', exclude: ['**/gen/**', ' '], maxFileSizeKB: 250 }),
    );
    assert.ok('settings' in checked);
    assert.equal(checked.settings.budget.question, 1500);
    assert.equal(checked.settings.fineRatio, 1);
    assert.equal(checked.settings.ranking, 'ami');
    assert.equal(checked.settings.tokenizer, 'cl100k');
    assert.equal(checked.settings.format, 'text');
    assert.deepEqual(checked.settings.exclude, ['**/gen/**']);
    assert.equal(checked.settings.maxFileBytes, 250_000);
  });

  it('a value out of range, of the wrong type or not one of the choices: one sentence per setting, naming it', () => {
    const checked = checkCompressionSettings(from({ fineRatio: 0, 'budget.completion': 20.5, ranking: 'best', exclude: 'dist', beta: '0.3' }));
    assert.ok('problems' in checked);
    assert.deepEqual(
      checked.problems.map((problem) => problem.key),
      ['longcodezip.budget.completion', 'longcodezip.fineRatio', 'longcodezip.beta', 'longcodezip.ranking', 'longcodezip.exclude'],
    );
    const messages = checked.problems.map((problem) => problem.message);
    assert.ok(messages.includes('longcodezip.fineRatio must be a number above 0 and at most 1, not 0.'));
    assert.ok(messages.includes('longcodezip.budget.completion must be a whole number at least 100, not 20.5.'));
    assert.ok(messages.includes('longcodezip.ranking must be one of "auto", "fused", "ami", not "best".'));
    assert.ok(messages.includes('longcodezip.beta must be a number at least 0 and at most 1, not "0.3".'));
    assert.ok(messages.includes('longcodezip.exclude must be a list of glob patterns, not "dist".'));
  });
});
