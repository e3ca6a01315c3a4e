import type { DataSource } from 'typeorm';
import { lockGateShared } from '../src/matcher/match-locks';

/** Holds the match gate shared in a transaction of its own; resolves once held, with its release. */
export async function holdGateShared(ds: DataSource): Promise<() => Promise<void>> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let holding!: () => void;
  const held = new Promise<void>((resolve) => (holding = resolve));
  const other = ds.transaction(async (m) => {
    await lockGateShared(m);
    holding();
    await released;
  });
  await held;
  return async () => {
    release();
    await other;
  };
}
