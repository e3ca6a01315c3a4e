import type { SouthProvider } from './facilitator-reach';

/**
 * Southern providers by bound, highest first (a binary max-heap): addBundles takes them best
 * coarse bound first and pairs them best refined bound first, refining each one's bound only
 * when it comes up (bundles/triangular.ts).
 */
export class BoundHeap {
  private readonly items: SouthProvider[] = [];

  get size(): number {
    return this.items.length;
  }

  /** The provider with the highest bound, left in. */
  peek(): SouthProvider | undefined {
    return this.items[0];
  }

  clear(): void {
    this.items.length = 0;
  }

  push(p: SouthProvider): void {
    const a = this.items;
    let i = a.length;
    a.push(p);
    while (i > 0) {
      const up = (i - 1) >> 1;
      if (a[up].bound >= p.bound) break;
      a[i] = a[up];
      i = up;
    }
    a[i] = p;
  }

  pop(): SouthProvider | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length === 0 || last === undefined) return top;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= a.length) break;
      if (child + 1 < a.length && a[child + 1].bound > a[child].bound) child++;
      if (a[child].bound <= last.bound) break;
      a[i] = a[child];
      i = child;
    }
    a[i] = last;
    return top;
  }
}
