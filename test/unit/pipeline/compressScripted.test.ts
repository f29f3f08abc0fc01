import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { FileChunks } from '../../../src/core/chunking/chunk';
import { compress } from '../../../src/core/compress/compress';
import { CompressionInputError } from '../../../src/core/compress/compressionInputError';
import type { CompressionRequest } from '../../../src/core/compress/compressionRequest';
import type { CompressionParameters } from '../../../src/core/compress/parameters';
import { fileHeaderLine } from '../../../src/core/compress/render/renderContext';
import { countTokens } from '../../../src/core/tokens/countTokens';
import { testChunker } from '../../helpers/chunking';
import { allChunks, assertConsistent, chunkNamed } from './reportChecks';
import { parameters, scriptedScorer, servicesWith, type Script } from './scriptedScorer';

const pricing = `import math

TAX_RATE = 0.2


class Invoice:
    """Lines of one customer's order."""

    def __init__(self, customer):
        self.customer = customer
        self.lines = []

    def add_line(self, item, price):
        self.lines.append((item, price))
        return len(self.lines)

    def total_with_tax(self):
        subtotal = sum(price for _, price in self.lines)
        tax = subtotal * TAX_RATE
        return round(subtotal + tax, 2)


def apply_discount(total, percent):
    """Takes the discount off a total."""
    if percent <= 0:
        return total
    cut = total * percent / 100
    return max(0, total - cut)


def discount_for_member(member):
    """The discount a loyal member gets."""
    if member.years >= 5:
        return 15
    if member.years >= 2:
        return 10
    return 5


def format_money(amount):
    return f"{amount:.2f}"
`;

const shipping = `import { Parcel } from './parcel';

export const BASE_RATE = 4.5;

export function shippingCost(parcel: Parcel): number {
  const weight = Math.max(parcel.weight, 0.1);
  return BASE_RATE + weight * 1.2;
}

export class Courier {
  private readonly name: string;

  constructor(name: string) {
    this.name = name;
  }

  label(parcel: Parcel): string {
    return \`\${this.name}: \${parcel.id}\`;
  }

  deliver(parcel: Parcel): boolean {
    if (parcel.weight > 30) {
      return false;
    }
    console.log(this.label(parcel));
    return true;
  }
}

export function trackingUrl(id: string): string {
  return \`https://track.example/\${id}\`;
}
`;

// Long enough for stage 2, with a statement on every line so blocks can end anywhere.
const report = `def summarize(orders):
    count = 0
    total = 0
    largest = 0
    for order in orders:
        count += 1
        total += order.amount
    refunds = [o for o in orders if o.refunded]
    refunded = sum(o.amount for o in refunds)
    net = total - refunded
    average = net / count if count else 0
    lines = []
    lines.append(f"orders: {count}")
    lines.append(f"total: {total}")
    lines.append(f"refunded: {refunded}")
    lines.append(f"net: {net}")
    lines.append(f"average: {average}")
    lines.append(f"largest: {largest}")
    return "\\n".join(lines)
`;

// One large table the scorer likes, and small code around it.
const settings = `import os

DEFAULTS = {
    "timeout_seconds": 30,
    "retry_attempts": 5,
    "backoff_factor": 1.5,
    "cache_directory": "/var/cache/app",
    "log_level": "INFO",
    "max_connections": 100,
    "user_agent": "app/1.0 (+https://example.com)",
}


def setting(name):
    return os.environ.get(name.upper(), DEFAULTS[name])
`;

const BASE = -3;
const QUESTION = 'how is the discount applied';

/** The scorer finds the query easiest to predict after a context holding `best`, hardest after one holding `worst`. */
function favouring(best: string, worst?: string): Script {
  return {
    query: (context) => (context.includes(best) ? -0.5 : worst !== undefined && context.includes(worst) ? -6 : BASE),
  };
}

describe('compress with a scripted scorer', () => {
  let files: FileChunks[];
  let reportFile: FileChunks;

  before(async () => {
    const chunker = testChunker();
    files = [await chunker.chunkFile({ path: 'shipping.ts', text: shipping }), await chunker.chunkFile({ path: 'pricing.py', text: pricing })];
    reportFile = await chunker.chunkFile({ path: 'report.py', text: report });
  });

  type Overrides = Partial<CompressionParameters>;
  const question = (budget: number, overrides: Overrides = {}, rest: Partial<CompressionRequest> = {}): CompressionRequest => ({
    files,
    query: { mode: 'question', text: QUESTION },
    parameters: parameters(budget, { fineRatio: 1, ...overrides }),
    ...rest,
  });
  const run = async (request: CompressionRequest, script: Script, name: 'onnx' | 'ngram' = 'onnx') => {
    const result = await compress(request, servicesWith(scriptedScorer(name, script)));
    assertConsistent(result, request);
    return result;
  };
  const chunkText = (name: string) => files.flatMap((file) => file.chunks).find((chunk) => chunk.name === name)!.text;
  const tokensOf = (name: string) => countTokens(chunkText(name));
  // Room for one of the two discount functions (with its file header and placeholders), not both.
  const roomForOne = () => tokensOf('discount_for_member') + 30;

  for (const ranking of ['ami', 'fused'] as const) {
    it(`keeps the chunk that lowers the query's perplexity most (ranking ${ranking})`, async () => {
      assert.ok(roomForOne() < tokensOf('discount_for_member') + tokensOf('apply_discount'));
      for (const [best, worst] of [
        ['apply_discount', 'discount_for_member'],
        ['discount_for_member', 'apply_discount'],
      ]) {
        const result = await run(question(roomForOne(), { ranking }), favouring(best!, worst));
        assert.equal(chunkNamed(result, best!).status, 'kept', `${best} favoured`);
        assert.equal(chunkNamed(result, worst!).status, 'dropped', `${worst} not favoured`);
        assert.ok(result.text.includes(`def ${best}(`));
        assert.ok(!result.text.includes(`def ${worst}(`));
      }
    });
  }

  it('returns the kept chunks in source order, files in context order, whatever their rank', async () => {
    // The scorer prefers later chunks of each file: rank order is the reverse of source order.
    const preference = new Map(files.flatMap((file, f) => file.chunks.map((chunk, i) => [chunk.text, 0.05 * (i + 1) + 0.01 * f] as const)));
    const script: Script = { query: (context) => BASE + (preference.get(context) ?? 0) };
    const total = files.reduce((sum, file) => sum + file.chunks.reduce((s, c) => s + countTokens(c.text), 0), 0);
    const result = await run(question(Math.round(total * 0.6), { ranking: 'ami' }), script);
    const kept = allChunks(result).filter((chunk) => chunk.status === 'kept');
    const dropped = allChunks(result).filter((chunk) => chunk.status === 'dropped');
    assert.ok(dropped.length > 0, 'the budget drops something');
    assert.ok(kept.filter((chunk) => chunk.path === 'shipping.ts').length >= 2, 'chunks of both files are kept');
    assert.ok(kept.filter((chunk) => chunk.path === 'pricing.py').length >= 2, 'chunks of both files are kept');
    // The report lists chunks in source order, files in context order: the text holds them in that order.
    let from = 0;
    for (const chunk of kept) {
      const text = files.flatMap((file) => file.chunks).find((c) => c.id === chunk.id)!.text.trim();
      const at = result.text.indexOf(text, from);
      assert.ok(at >= 0, `${chunk.id} is kept whole, after the chunks before it`);
      from = at + text.length;
    }
    const headers = files.map((file) => result.text.indexOf(fileHeaderLine(file.path, file.language)));
    assert.ok(0 <= headers[0]! && headers[0]! < headers[1]!, 'shipping.ts comes first, as in the context');
  });

  it('a kept method brings its class header (and footer) as containers', async () => {
    const result = await run(question(10_000, { ranking: 'ami' }), favouring('deliver(parcel'));
    const courier = allChunks(result).filter((chunk) => chunk.path === 'shipping.ts' && chunk.kind.startsWith('container'));
    assert.equal(courier.length, 2);
    for (const chunk of courier) assert.deepEqual([chunk.status, chunk.reason], ['kept', 'container'], chunk.kind);

    const tight = await run(question(tokensOf('total_with_tax') + 40, { ranking: 'ami' }), favouring('def total_with_tax'));
    assert.equal(chunkNamed(tight, 'total_with_tax').reason, 'ranked');
    const invoice = chunkNamed(tight, 'Invoice', 'container-header');
    assert.deepEqual([invoice.status, invoice.reason], ['kept', 'container']);
    assert.match(tight.text, /^class Invoice:\n[\s\S]*    def total_with_tax\(self\):/m);
  });

  it('pins are kept whole and spent first, even when the scorer ranks them last', async () => {
    const pins = [{ path: 'pricing.py', name: 'format_money' }];
    const script = favouring('def apply_discount', 'def format_money');
    const alone = await run(question(roomForOne()), script);
    assert.equal(chunkNamed(alone, 'apply_discount').status, 'kept');
    assert.equal(chunkNamed(alone, 'format_money').status, 'dropped');

    const pinned = await run(question(roomForOne(), {}, { pins }), script);
    const money = chunkNamed(pinned, 'format_money');
    assert.deepEqual([money.status, money.reason], ['pinned', 'pinned']);
    assert.ok(pinned.text.includes(chunkText('format_money').trim()));
    assert.equal(chunkNamed(pinned, 'apply_discount').status, 'dropped', 'the pin took the room the best chunk needed');
  });

  it('a pin larger than the budget is an input error', async () => {
    const request = question(10, {}, { pins: [{ path: 'shipping.ts', name: 'Courier' }] });
    await assert.rejects(compress(request, servicesWith(scriptedScorer('onnx', favouring('x')))), CompressionInputError);
  });

  it('completion: the code before the cursor comes last, verbatim; the rest of its function never appears', async () => {
    const lines = pricing.split('\n');
    const line = lines.indexOf('        tax = subtotal * TAX_RATE') + 1;
    const request: CompressionRequest = {
      files,
      query: { mode: 'completion', cursor: { path: 'pricing.py', line } },
      parameters: parameters(10_000),
    };
    const result = await run(request, favouring('def apply_discount'), 'ngram');
    const prefix = lines.slice(lines.indexOf('    def total_with_tax(self):'), line - 1).join('\n') + '\n';
    assert.ok(result.text.endsWith(prefix), 'the prefix ends the text');
    assert.equal(result.text.split('def total_with_tax').length, 2, 'the current function appears once, as the prefix');
    assert.ok(!result.text.includes('return round(subtotal + tax, 2)'), 'the rest of the current function is not context');
    assert.ok(result.text.includes('def apply_discount('), 'the rest of the file is context');
    assert.ok(result.text.indexOf('def apply_discount(') < result.text.length - prefix.length);
    assert.equal(chunkNamed(result, 'total_with_tax').status, 'dropped');
  });

  it('a chunk that fits only the coarse budget B / R_fine does not leave the rest out: what fits B is kept', async () => {
    const file = await testChunker().chunkFile({ path: 'settings.py', text: settings });
    const table = file.chunks.find((chunk) => chunk.name === 'DEFAULTS')!;
    const request: CompressionRequest = {
      files: [file],
      query: { mode: 'question', text: 'which defaults apply' },
      parameters: parameters(Math.round(countTokens(table.text) * 0.8), { fineRatio: 0.5 }),
    };
    const result = await run(request, favouring('DEFAULTS = {'));
    assert.equal(chunkNamed(result, 'DEFAULTS').status, 'dropped', 'the table is over the budget');
    assert.ok(result.text.includes('def setting(name):'), 'the function fits and is kept');
  });

  it('fineRatio 1 never trims inside a function', async () => {
    const script: Script = { query: (context) => (context.includes('refund') ? -0.5 : BASE), line: (_, i) => (i % 4 === 3 ? -6 : -0.5) };
    for (let budget = 20; budget <= 400; budget += 9) {
      const result = await run({ ...question(budget), files: [...files, reportFile] }, script);
      assert.ok(!allChunks(result).some((chunk) => chunk.status === 'partial'), `budget ${budget}`);
    }
    const long = await run({ ...question(countTokens(report) / 2), files: [reportFile] }, { query: () => BASE });
    assert.equal(chunkNamed(long, 'summarize').status, 'dropped', 'a function over the budget is dropped, not cut');
  });

  it('with fineRatio < 1 and a budget below the coarse selection, a function is trimmed to blocks that keep its signature and end', async () => {
    const script: Script = {
      query: (context) => (context.includes('refunded = sum(') ? -0.5 : BASE),
      // A perplexity spike every fourth line cuts the function into blocks.
      line: (_, i) => (i % 4 === 3 ? -6 : -0.5),
    };
    const request: CompressionRequest = {
      files: [reportFile],
      query: { mode: 'question', text: 'what is refunded' },
      parameters: parameters(Math.round(countTokens(report) * 0.7), { fineRatio: 0.5 }),
    };
    const result = await run(request, script);
    const summarize = chunkNamed(result, 'summarize');
    assert.equal(summarize.status, 'partial');
    assert.ok(summarize.blocks!.some((block) => !block.kept));
    const keptLine = (line: number) => summarize.keptLines.some((range) => range.start <= line && line <= range.end);
    assert.ok(keptLine(summarize.startLine) && keptLine(summarize.endLine), 'signature and closing line are kept');
    assert.ok(result.text.includes('def summarize(orders):') && result.text.includes('return "\\n".join(lines)'));
    assert.match(result.text, /^ {4}# \.\.\. \d+ lines? omitted$/m);
    assert.ok(result.text.includes('refunded = sum('), 'the block that helps the query most is kept');
  });

  it('a function among chunks kept whole is charged the share stage 2 keeps of it: trimming does not fall on it alone', async () => {
    // The function the query needs, then forty tables it ranks above.
    const tables = Array.from({ length: 40 }, (_, i) => `TABLE_${i} = {\n    "first": ${i},\n    "second": ${i * 2},\n    "third": "${'x'.repeat(40)}",\n}\n`);
    const file = await testChunker().chunkFile({ path: 'report.py', text: `${report}\n\n${tables.join('\n\n')}` });
    const summarizeTokens = countTokens(file.chunks.find((chunk) => chunk.name === 'summarize')!.text);
    const tableTokens = countTokens(tables[0]!);
    const script: Script = { query: (context) => (context.includes('refunded = sum(') ? -0.5 : context.startsWith('TABLE_') ? -1 : BASE) };
    // Room for 90% of the function and twenty tables: charging the function whole would let the coarse stage
    // take a ninth more (B / 0.9), over two tables, and leave stage 2 only the function to take it back from.
    const budget = Math.round(0.9 * summarizeTokens + 20 * tableTokens);
    const request: CompressionRequest = { files: [file], query: { mode: 'question', text: 'what is refunded' }, parameters: parameters(budget, { fineRatio: 0.9, ranking: 'ami' }) };
    const result = await run(request, { ...script, line: (_, i) => (i % 4 === 3 ? -6 : -0.5) });
    const summarize = chunkNamed(result, 'summarize');
    assert.notEqual(summarize.status, 'dropped');
    assert.ok(summarize.keptTokens >= 0.75 * summarize.tokens, `summarize kept ${summarize.keptTokens} of ${summarize.tokens} tokens`);
    assert.ok(result.totals.compressedTokens <= budget);
  });
});
