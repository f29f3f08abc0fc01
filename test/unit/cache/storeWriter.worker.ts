// A second process for the store's concurrency test: writes rounds of entries into shared shards.
import { DiskStore } from '../../../src/core/cache/diskStore';

async function main(): Promise<void> {
  const [dir, writer, rounds] = process.argv.slice(2);
  const store = new DiskStore({ dir: dir! });
  for (let round = 0; round < Number(rounds); round++) {
    for (let shard = 0; shard < 3; shard++) {
      for (let i = 0; i < 50; i++) store.setNumbers(`race/s${shard}`, `${writer}-${round}-${i}`, new Float64Array(64).fill(round * 1000 + i));
    }
    const { errors } = await store.flush();
    if (errors.length > 0) throw new Error(errors.join('\n'));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
