import { seededOrder } from './seededOrder';

/** What a package gave: how many candidates were tried, how many were dropped for each reason, how many made tasks. */
export interface OfferCounts<Reason extends string> {
  readonly tried: number;
  readonly dropped: Readonly<Partial<Record<Reason, number>>>;
  readonly tasks: number;
}

/**
 * One package's candidates in seeded order, made into tasks one at a time: `makeTask` gives a task, or the
 * reason the candidate makes none (counted, and the next candidate is tried).
 */
export class PackageOffer<Candidate extends { readonly key: string }, Task extends object, Reason extends string> {
  private readonly order: readonly Candidate[];
  private tried = 0;
  private taken = 0;
  private readonly dropped: Partial<Record<Reason, number>> = {};

  constructor(
    candidates: readonly Candidate[],
    seed: string,
    private readonly makeTask: (candidate: Candidate) => Promise<Task | Reason>,
  ) {
    this.order = seededOrder(candidates, seed, (c) => c.key);
  }

  get made(): number {
    return this.taken;
  }

  get remaining(): number {
    return this.order.length - this.tried;
  }

  /** The next valid task, or undefined when none is left. */
  async next(): Promise<Task | undefined> {
    while (this.remaining > 0) {
      const made = await this.makeTask(this.order[this.tried++]!);
      if (typeof made !== 'string') {
        this.taken++;
        return made;
      }
      this.dropped[made] = (this.dropped[made] ?? 0) + 1;
    }
    return undefined;
  }

  counts(): OfferCounts<Reason> {
    return { tried: this.tried, dropped: this.dropped, tasks: this.taken };
  }
}

/**
 * One language's tasks, taken in turn from its packages (one each round, in the order given) until there are
 * `tasksPerLanguage` or the packages run out; no package gives more than `maxPerPackage`.
 */
export async function takeInTurn<Candidate extends { readonly key: string }, Task extends object, Reason extends string>(
  offers: readonly PackageOffer<Candidate, Task, Reason>[],
  limits: { readonly tasksPerLanguage: number; readonly maxPerPackage: number },
): Promise<Task[]> {
  const taken: Task[] = [];
  let open = offers.filter((offer) => offer.remaining > 0);
  while (taken.length < limits.tasksPerLanguage && open.length > 0) {
    for (const offer of open) {
      if (taken.length >= limits.tasksPerLanguage) break;
      const task = await offer.next();
      if (task) taken.push(task);
    }
    open = open.filter((offer) => offer.remaining > 0 && offer.made < limits.maxPerPackage);
  }
  return taken;
}
