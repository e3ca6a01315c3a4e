import { useState } from 'react';

export interface Action {
  /** Runs the work once at a time; its error, if any, is kept for display. */
  run: (work: () => Promise<void>) => Promise<void>;
  busy: boolean;
  error: string | null;
}

/** The state of a button's action: busy while it runs, the service's problem detail if it failed. */
export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (work: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return { run, busy, error };
}
