import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertExactCover, rows, testChunker } from '../../helpers/chunking';

const SAMPLE = `<?php

declare(strict_types=1);

namespace App\\Greeting;

use App\\Contracts\\Clock;
use function sprintf;

const DEFAULT_NAME = 'world';
define('GREETING_VERSION', '1.2');

interface Greets
{
    public function greet(string $who): string;
}

trait Shouts
{
    public function shout(string $text): string
    {
        return strtoupper($text) . '!';
    }
}

/**
 * Greets people, politely or not.
 */
#[Service(id: 'greeter')]
abstract class Greeter implements Greets
{
    use Shouts;

    private const PREFIX = 'Hello';

    public function __construct(private Clock $clock, private array $seen = [])
    {
    }

    #[Route('/greet/{who}')]
    public function greet(string $who): string
    {
        $format = fn(string $name): string => sprintf('%s, %s', self::PREFIX, $name);
        $this->seen = array_filter($this->seen, function ($n) use ($who) {
            return $n !== $who;
        });
        return $format($who);
    }

    abstract protected function log(string $line): void;
}

enum Mood: string
{
    case Happy = 'happy';
    case Grumpy = 'grumpy';

    public function greeting(): string
    {
        return $this === self::Happy ? 'Hi' : 'Hmph';
    }
}

function greeter(Clock $clock): Greeter
{
    return new Greeter($clock);
}

if (!function_exists('greet')) {
    function greet(string $who): string { return "Hello, $who"; }
}

$logger = new class {
    public function log($m) { echo $m; }
};
`;

const BROKEN = `<?php

class Broken
{
    public function ok(): int
    {
        return 1;
    }

    public function bad(): int
    {
        return 1 +* ;
    }

    public function after(): int { return 3; }
}

function tail() { return 4; }
`;

describe('chunking PHP', () => {
  it('finds classes, traits, enums, methods with attributes, functions (also under function_exists); closures stay inside', async () => {
    const file = await testChunker().chunkFile({ path: 'src/Greeter.php', text: SAMPLE });
    assertExactCover(SAMPLE, file);
    assert.deepEqual(rows(file), [
      ['glue', undefined, undefined, 1, 9],
      ['declaration', 'DEFAULT_NAME', undefined, 10, 10],
      ['declaration', 'GREETING_VERSION', undefined, 11, 12],
      ['declaration', 'Greets', undefined, 13, 17], // an interface without method bodies
      ['container-header', 'Shouts', undefined, 18, 19],
      ['method', 'shout', 'Shouts', 20, 23],
      ['container-footer', 'Shouts', undefined, 24, 25],
      ['container-header', 'Greeter', undefined, 26, 35],
      ['method', '__construct', 'Greeter', 36, 39],
      ['method', 'greet', 'Greeter', 40, 48],
      ['container-footer', 'Greeter', undefined, 49, 52], // the abstract method
      ['container-header', 'Mood', undefined, 53, 57],
      ['method', 'greeting', 'Mood', 58, 61],
      ['container-footer', 'Mood', undefined, 62, 63],
      ['function', 'greeter', undefined, 64, 68],
      ['container-header', undefined, undefined, 69, 69], // `if (!function_exists(...)) {`
      ['function', 'greet', undefined, 70, 70],
      ['container-footer', undefined, undefined, 71, 72],
      ['glue', undefined, undefined, 73, 75], // the anonymous class's method stays inside
    ]);
    assert.equal(file.parseErrors, 0);
    assert.equal(file.fallbackReason, undefined);
  });

  it('chunks what parses around a syntax error', async () => {
    const file = await testChunker().chunkFile({ path: 'src/Broken.php', text: BROKEN });
    assertExactCover(BROKEN, file);
    assert.deepEqual(rows(file), [
      ['glue', undefined, undefined, 1, 2],
      ['container-header', 'Broken', undefined, 3, 4],
      ['method', 'ok', 'Broken', 5, 9],
      ['method', 'bad', 'Broken', 10, 14],
      ['method', 'after', 'Broken', 15, 15],
      ['container-footer', 'Broken', undefined, 16, 17],
      ['function', 'tail', undefined, 18, 18],
    ]);
    assert.ok(file.parseErrors > 0);
    assert.equal(file.fallbackReason, undefined);
  });

  it('a nested class that is the last member of its container is a container', async () => {
    const text = `<?php
namespace N {
    function h() {
        return 1;
    }

    class Stats {
        function g() {
            return 2;
        }
    }
}
`;
    const file = await testChunker().chunkFile({ path: 'a.php', text });
    assert.deepEqual(rows(file), [
      ['glue', undefined, undefined, 1, 1],
      ['container-header', 'N', undefined, 2, 2],
      ['function', 'h', 'N', 3, 6],
      ['container-header', 'Stats', 'N', 7, 7],
      ['method', 'g', 'N.Stats', 8, 10],
      ['container-footer', 'Stats', 'N', 11, 11],
      ['container-footer', 'N', undefined, 12, 12],
    ]);
  });
});
