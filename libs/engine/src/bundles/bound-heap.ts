/**
 * Indices of southern providers (facilitator-reach.ts: SouthProviders) by bound, highest
 * first (a binary max-heap over the bound column): addBundles takes them best coarse bound
 * first and pairs them best refined bound first, refining each one's bound only when it comes
 * up (bundles/triangular.ts). A provider's bound must not change while it is in a heap.
 */
export class BoundHeap {
  private items = new Int32Array(64);
  size = 0;

  constructor(private readonly bound: Float64Array) {}

  /** The index with the highest bound, left in; -1 when empty. */
  peek(): number {
    return this.size > 0 ? this.items[0] : -1;
  }

  clear(): void {
    this.size = 0;
  }

  push(p: number): void {
    if (this.size === this.items.length) {
      const wider = new Int32Array(this.items.length * 2);
      wider.set(this.items);
      this.items = wider;
    }
    const a = this.items;
    const b = this.bound;
    const value = b[p];
    let i = this.size++;
    while (i > 0) {
      const up = (i - 1) >> 1;
      if (b[a[up]] >= value) break;
      a[i] = a[up];
      i = up;
    }
    a[i] = p;
  }

  /** Takes out the index with the highest bound; -1 when empty. */
  pop(): number {
    if (this.size === 0) return -1;
    const a = this.items;
    const b = this.bound;
    const top = a[0];
    const last = a[--this.size];
    const n = this.size;
    if (n === 0) return top;
    const value = b[last];
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && b[a[child + 1]] > b[a[child]]) child++;
      if (b[a[child]] <= value) break;
      a[i] = a[child];
      i = child;
    }
    a[i] = last;
    return top;
  }
}
