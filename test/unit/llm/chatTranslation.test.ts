import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { compress } from '../../../src/core/compress/compress';
import type { CompressionResult } from '../../../src/core/compress/compressionResult';
import { DEFAULT_PARAMETERS } from '../../../src/core/compress/parameters';
import { ngramForContext } from '../../../src/core/scoring/ngram/ngramForContext';
import { countTokens } from '../../../src/core/tokens/countTokens';
import { chatRequestAsk } from '../../../src/extension/chat/chatRequestAsk';
import { checkToolInput, describeToolScope, toolResultText } from '../../../src/extension/chat/contextToolInput';
import { keptDefinitions, keptSpans } from '../../../src/extension/chat/keptCode';
import { answerEnding, answerHeading } from '../../../src/extension/llm/answerMarkdown';
import { testChunker } from '../../helpers/chunking';
import { fixturesDir } from '../../helpers/repoPaths';

describe('@longcodezip requests', () => {
  it('/ask with a question: the question over the workspace', () => {
    assert.deepEqual(chatRequestAsk({ command: 'ask', prompt: '  How is the  late fee computed? ', attached: [] }), { kind: 'question', question: 'How is the late fee computed?', files: [] });
  });

  it('no command is /ask', () => {
    assert.deepEqual(chatRequestAsk({ command: undefined, prompt: 'Where are holds expired?', attached: [] }), { kind: 'question', question: 'Where are holds expired?', files: [] });
  });

  it('attached files narrow the scope, and their #file text leaves the question', () => {
    const prompt = 'How does #file:fees.py compute fees with #file:dates.py?';
    const feesAt = prompt.indexOf('#file:fees.py');
    const datesAt = prompt.indexOf('#file:dates.py');
    const ask = chatRequestAsk({
      command: 'ask',
      prompt,
      attached: [
        { path: '/ws/shelfwise/utils/dates.py', range: [datesAt, datesAt + '#file:dates.py'.length] },
        { path: '/ws/shelfwise/fees.py', range: [feesAt, feesAt + '#file:fees.py'.length] },
        { path: '/ws/shelfwise/fees.py' },
      ],
    });
    assert.deepEqual(ask, { kind: 'question', question: 'How does compute fees with ?', files: ['/ws/shelfwise/utils/dates.py', '/ws/shelfwise/fees.py'] });
  });

  it('/ask with nothing to ask says how to ask', () => {
    const ask = chatRequestAsk({ command: 'ask', prompt: '   ', attached: [] });
    assert.equal(ask.kind, 'problem');
    assert.match(ask.kind === 'problem' ? ask.message : '', /Ask a question after `\/ask`/);
  });

  it('/complete: a completion at the cursor, with what the user added as an instruction', () => {
    assert.deepEqual(chatRequestAsk({ command: 'complete', prompt: '', attached: [] }), { kind: 'completion', instruction: '' });
    assert.deepEqual(chatRequestAsk({ command: 'complete', prompt: 'use the helper in dates.py', attached: [] }), { kind: 'completion', instruction: 'use the helper in dates.py' });
  });

  it('an unknown command is named back with the two that exist', () => {
    assert.deepEqual(chatRequestAsk({ command: 'explain', prompt: 'x', attached: [] }), { kind: 'problem', message: '`/explain` is not a LongCodeZip command: use `/ask` or `/complete`.' });
  });
});

describe('the language-model tool input', () => {
  it('a question alone compresses the workspace', () => {
    const checked = checkToolInput({ question: ' How are fees computed? ' });
    assert.deepEqual(checked, { kind: 'ok', question: 'How are fees computed?', scope: 'workspace', paths: [] });
    assert.equal(describeToolScope(checked as never), 'the workspace');
  });

  it('paths and scopes are described the way the confirmation shows them', () => {
    const one = checkToolInput({ question: 'q', paths: ['shelfwise/fees.py'] });
    assert.equal(describeToolScope(one as never), '`shelfwise/fees.py`');
    const two = checkToolInput({ question: 'q', paths: ['a.py', 'lib/'] });
    assert.equal(describeToolScope(two as never), '2 files and folders (`a.py`, `lib/`)');
    assert.equal(describeToolScope(checkToolInput({ question: 'q', scope: 'openEditors' }) as never), 'the files open in editors');
  });

  it('what a model may get wrong comes back as a sentence it can act on', () => {
    const problems = [undefined, {}, { question: '' }, { question: 'q', scope: 'repo' }, { question: 'q', paths: 'a.py' }, { question: 'q', paths: [3] }].map((input) => {
      const checked = checkToolInput(input);
      return checked.kind === 'problem' ? checked.message : 'ok';
    });
    assert.deepEqual(problems, [
      'The input needs "question": the question the compressed code should answer, as a non-empty string.',
      'The input needs "question": the question the compressed code should answer, as a non-empty string.',
      'The input needs "question": the question the compressed code should answer, as a non-empty string.',
      '"scope" must be one of "workspace", "currentFile", "openEditors", not "repo".',
      '"paths" must be a list of file or folder paths (strings).',
      '"paths" must be a list of file or folder paths (strings).',
    ]);
  });

  it('the result names what it is and carries the compressed text unchanged', () => {
    const text = toolResultText('6,000 → 900 tokens', '```python\ndef f(): ...\n```');
    assert.match(text, /^Code from the user's workspace, compressed by LongCodeZip for the question \(6,000 → 900 tokens\)/);
    assert.ok(text.endsWith('\n\n```python\ndef f(): ...\n```'));
  });
});

describe('the kept code of a real compression, for chat references', () => {
  let result: CompressionResult;

  before(async () => {
    const name = fs.readdirSync(path.join(fixturesDir, 'samples', 'python'))[0]!;
    const file = await testChunker().chunkFile({ path: `python/${name}`, text: fs.readFileSync(path.join(fixturesDir, 'samples', 'python', name), 'utf8') });
    const scorer = await ngramForContext([file]).open();
    result = await compress(
      { files: [file], query: { mode: 'question', text: 'How does the limiter refill tokens over time?' }, parameters: { ...DEFAULT_PARAMETERS, budget: 350 } },
      { scorer: () => scorer, countTokens },
    );
  });

  it('every kept line is in a reference, no dropped line is, and references do not overlap', () => {
    const spans = keptSpans(result);
    assert.ok(spans.length > 0);
    const covered = new Set(spans.flatMap((span) => Array.from({ length: span.lines.end - span.lines.start + 1 }, (_, i) => `${span.path}:${span.lines.start + i}`)));
    assert.equal(covered.size, spans.reduce((sum, span) => sum + span.lines.end - span.lines.start + 1, 0), 'spans overlap');
    for (const file of result.files) {
      for (const chunk of file.chunks) {
        const lines = chunk.status === 'dropped' ? [] : chunk.keptLines.flatMap((range) => Array.from({ length: range.end - range.start + 1 }, (_, i) => range.start + i));
        for (const line of lines) assert.ok(covered.has(`${file.path}:${line}`), `${chunk.id} line ${line} is kept but not referenced`);
        if (chunk.status === 'dropped') {
          for (let line = chunk.startLine; line <= chunk.endLine; line++) {
            const keptElsewhere = file.chunks.some((other) => other !== chunk && other.status !== 'dropped' && other.keptLines.some((range) => range.start <= line && line <= range.end));
            if (!keptElsewhere) assert.ok(!covered.has(`${file.path}:${line}`), `dropped ${chunk.id} line ${line} is referenced`);
          }
        }
      }
    }
    assert.ok(result.files.some((file) => file.chunks.some((chunk) => chunk.status === 'dropped')), 'nothing was dropped: the test proves nothing');
  });

  it('the named definitions are kept ones, best score first, without container parts', () => {
    const definitions = keptDefinitions(result);
    assert.ok(definitions.length > 0);
    const byName = new Map(result.files.flatMap((file) => file.chunks).map((chunk) => [chunk.parent ? `${chunk.parent}.${chunk.name}` : chunk.name, chunk]));
    const scores = definitions.map((definition) => {
      const chunk = byName.get(definition.name)!;
      assert.notEqual(chunk.status, 'dropped', definition.name);
      assert.notEqual(chunk.reason, 'container', definition.name);
      assert.equal(definition.partial, chunk.status === 'partial');
      return chunk.score ?? -Infinity;
    });
    assert.deepEqual(scores, [...scores].sort((a, b) => b - a));
  });
});

describe('the answer document', () => {
  const heading = { receiver: 'GPT-4o (copilot)', summary: '6,012 → 3,950 tokens (1.5×, budget 4,000) · 12 of 40 chunks kept', receiverTokens: 3990, budget: 4000 };

  it('opens with the question, the model, and the context sent as the model counted it', () => {
    const text = answerHeading({ ...heading, task: { mode: 'question', question: 'How is\nthe fee computed?' }, countedInBudgetTokenizer: false });
    assert.match(text, /^# LongCodeZip answer\n\n\*\*Question:\*\* How is the fee computed\?\n\n\*\*Model:\*\* GPT-4o \(copilot\)\n/);
    assert.match(text, /\*\*Context sent:\*\* 3,990 tokens as the model counts them \(budget 4,000\) — 6,012 → 3,950 tokens/);
    assert.ok(text.endsWith('---\n\n'));
  });

  it('an endpoint is counted in the budget tokenizer, and says only "tokens"', () => {
    const text = answerHeading({ ...heading, task: { mode: 'completion', path: 'shop/cart.py' }, countedInBudgetTokenizer: true });
    assert.match(text, /\*\*Completion\*\* at the end of the context, in `shop\/cart\.py`/);
    assert.match(text, /\*\*Context sent:\*\* 3,990 tokens \(budget 4,000\)/);
  });

  it('says when the answer was cancelled, failed or cut at the length limit, and nothing when it simply ended', () => {
    assert.equal(answerEnding({ kind: 'done', finishReason: 'stop' }), '\n');
    assert.match(answerEnding({ kind: 'done', finishReason: 'length' }), /stopped at the model's length limit/);
    assert.match(answerEnding({ kind: 'cancelled' }), /Cancelled/);
    assert.match(answerEnding({ kind: 'failed', message: 'http://x/v1 refused the request (401 Unauthorized).' }), /\*\*The model did not answer:\*\* http:\/\/x\/v1 refused the request \(401 Unauthorized\)\./);
  });
});
