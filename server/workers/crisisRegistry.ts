/**
 * The crises as one worker knows them: their definitions at some version, the compiled routing
 * rules, and each crisis' fold (which holds that crisis' state between batches). Reloaded when
 * a commit finds the crises moved on; a crisis whose principal is unchanged keeps its fold.
 */
import type { Redis } from 'ioredis';
import type { Crisis } from '../../shared/crisis.js';
import { compileRouting, type CrisisRouter } from '../crises/routing.js';
import { foldOptionsKey, foldOptionsOf } from '../crises/foldOptions.js';
import type { CrisisState } from '../state/index.js';
import type { CrisisStore } from '../storage/crisisStore.js';
import { FoldStore } from '../storage/foldStore.js';
import type { Keys } from '../storage/keys.js';
import { CrisisFold } from './crisisFold.js';

export type CrisisSet = {
  version: number;
  crises: Crisis[];
  slugs: string[];
  router: CrisisRouter;
  folds: Map<string, CrisisFold>;
};

export class CrisisRegistry {
  private set: CrisisSet | null = null;
  private loading: Promise<CrisisSet> | null = null;

  constructor(
    private readonly store: CrisisStore,
    private readonly redis: Redis,
    private readonly keys: Keys,
    private readonly maxLen: number,
    /** Told every set loaded (the extractor routes where it extracts, and must know the crises). */
    private readonly onLoad: (set: CrisisSet) => void = () => undefined,
  ) {}

  /** The crises as last loaded (loaded now the first time). */
  current(): Promise<CrisisSet> {
    return this.set ? Promise.resolve(this.set) : this.refresh();
  }

  /** Loads the crises again; concurrent callers share one load. */
  refresh(): Promise<CrisisSet> {
    this.loading ??= this.load().finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  private async load(): Promise<CrisisSet> {
    const { crises, version } = await this.store.list();
    const previous = this.set;
    const folds = new Map<string, CrisisFold>();
    for (const crisis of crises) {
      const kept = previous?.folds.get(crisis.slug);
      const before = previous?.crises.find((c) => c.slug === crisis.slug);
      folds.set(
        crisis.slug,
        kept && before && foldOptionsKey(before) === foldOptionsKey(crisis)
          ? kept
          : new CrisisFold(
              new FoldStore<CrisisState>(this.redis, this.keys.crisis(crisis.slug), this.maxLen),
              foldOptionsOf(crisis),
            ),
      );
    }
    this.set = { version, crises, slugs: crises.map((c) => c.slug), router: compileRouting(crises), folds };
    this.onLoad(this.set);
    return this.set;
  }
}
