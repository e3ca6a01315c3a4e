// The services' public API as the console uses it, through the console's same-origin proxy.
// Types follow ../shared/docs/contract.md; only the fields the pages read are listed.

export interface Page<T> { items: T[]; nextCursor: string | null }
export interface Labelled { value: string; label: string }
export interface ExplanationEntry { factor: string; weight: number; score: number; detail: string }

export interface Suggestion {
  id: string; requestId: string; offerIds: string[]; cooperationType: string; score: number;
  explanation: ExplanationEntry[]; status: string;
}

export interface RequestView {
  id: string; country: string; title: string; description: string; capacityAreas: string[];
  window: { start: string; end: string }; status: string; classification?: { region: string; ldc: boolean; lldc: boolean; sids: boolean };
}

export interface OfferView {
  id: string; providerId: string; provider: { name: string; kind: string; country: string | null }; title: string;
  role: string; slots: number; remainingSlots: number; status: string; window: { start: string; end: string }; capacityAreas: string[];
}

export interface Confirmation { party: 'country' | 'provider'; offerId?: string; sub: string; at: string }

export interface Partnership {
  id: string; suggestionId: string; requestId: string; offerIds: string[]; country: string; cooperationType: string;
  /** Partnerships made before the saga carry no status: they were agreed when accepted. */
  status?: 'pending' | 'agreed' | 'declined' | 'cancelled' | 'expired';
  confirmations?: Confirmation[]; reason?: string | null; expiresAt?: string | null; createdAt: string;
}

export interface PlanStats { served: number; servedPriority: number; totalScore: number; minScore: number | null }
export interface AllocationPlan {
  id: string; objective: 'fair' | 'total'; items: { requestId: string; suggestionId: string; score: number }[];
  unassigned: { requestId: string; reason: string }[]; stats: PlanStats & { greedy: PlanStats }; optimal: boolean; solveMs: number;
}

interface Counts { open: number; matched: number }
export interface CoverageReport {
  asOf: string; requests: Counts;
  byCapacityArea: (Counts & { capacityArea: string })[]; byRegion: (Counts & { region: string })[];
  byGroup: (Counts & { group: string })[]; byTargetGroup: (Counts & { targetGroup: string })[];
  partnershipsByCooperationType: { cooperationType: string; partnerships: number }[];
  gaps: { count: number; requests: { requestId: string; country: string; region: string; capacityAreas: string[] }[] };
}

export interface Taxonomy {
  language: string; capacityAreas: Labelled[]; targetGroups: Labelled[]; cooperationTypes: Labelled[];
  groups: Labelled[]; regions: Labelled[]; providerKinds: Labelled[];
}

export interface Country { iso3: string; name: string }
export interface Provider { id: string; name: string; kind: string }

/** An RFC 9457 problem document from a service, shown to the user as its detail. */
export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

export const UNAUTHORIZED_EVENT = 'capmatch:unauthorized';

export interface ApiOptions { token: string | null; lang: string }

async function problemOf(res: Response): Promise<ApiError> {
  try {
    const body = (await res.json()) as { detail?: string; errors?: { field: string; message: string }[] };
    const fields = body.errors?.map((e) => `${e.field}: ${e.message}`).join('; ');
    return new ApiError(res.status, [body.detail, fields].filter(Boolean).join(' — ') || res.statusText);
  } catch {
    return new ApiError(res.status, res.statusText);
  }
}

export async function call<T>(opts: ApiOptions, method: string, path: string, body?: unknown, accept = 'application/json'): Promise<T> {
  const headers: Record<string, string> = { Accept: accept, 'Accept-Language': opts.lang };
  if (opts.token) headers.Authorization = `Bearer ${opts.token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  // A token the services refuse ends the session (App listens), whatever page asked.
  if (res.status === 401) window.dispatchEvent(new Event(UNAUTHORIZED_EVENT));
  if (!res.ok) throw await problemOf(res);
  if (accept !== 'application/json') return (await res.blob()) as T;
  return (await res.json()) as T;
}

/** Saves what a GET answers as a file (the CSV report, the IATI export). */
export async function download(opts: ApiOptions, path: string, accept: string, fileName: string): Promise<void> {
  const blob = await call<Blob>(opts, 'GET', path, undefined, accept);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
}
