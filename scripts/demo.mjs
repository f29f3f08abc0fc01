// `npm run demo`: compresses the sample project for its first demo question with the n-gram scorer (no
// download) and prints what an LLM would receive, then what was kept and the figures.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const question = 'How is the late-return fee calculated when a member returns a book after the due date?';
const budget = 2000;
const scratch = mkdtempSync(join(tmpdir(), 'longcodezip-demo-'));
const reportFile = join(scratch, 'result.json');

try {
  execFileSync(process.execPath, [join(root, 'dist/cli.js'), 'compress', 'examples/sample-project', '--query', question, '--budget', String(budget), '--json', '--out', reportFile], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const result = JSON.parse(readFileSync(reportFile, 'utf8'));
  const rule = '-'.repeat(100);
  console.log(`\nQuestion: ${question}\n${rule}\n${result.text}\n${rule}`);
  console.log('Kept (status, lines, tokens kept / total, fused score, AMI rank, BM25 rank):');
  for (const file of result.files) {
    for (const chunk of file.chunks) {
      if (chunk.status === 'dropped') continue;
      const name = [chunk.parent, chunk.name].filter(Boolean).join('.') || chunk.kind;
      const rank = (c) => (c ? `#${c.rank}` : '-');
      console.log(
        `  ${chunk.status.padEnd(8)} ${`${file.path}:${chunk.startLine}-${chunk.endLine}`.padEnd(42)} ${name.padEnd(34)} ${String(chunk.keptTokens).padStart(5)}/${String(chunk.tokens).padEnd(5)} ${chunk.score === undefined ? '      ' : chunk.score.toFixed(4)}  ${rank(chunk.components.ami).padStart(5)} ${rank(chunk.components.bm25).padStart(5)}`,
      );
    }
  }
  const { totals, timings, scorer } = result;
  console.log(`\n${totals.originalTokens} -> ${totals.compressedTokens} tokens (${totals.ratio.toFixed(1)}x, budget ${budget}), ${result.files.length} files, ${result.skipped.length} skipped`);
  console.log(`Scorer: ${scorer.name} (${scorer.model}, ${scorer.device}); stages (ms): ${Object.entries(timings).map(([stage, ms]) => `${stage} ${ms}`).join(', ')}`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
