// The signed-in caller, read from the token's claims. The console never verifies tokens: the
// services do, on every call; a token the services refuse signs the user out (see App).

export type Role = 'coordinator' | 'admin' | 'country' | 'donor';

export interface Session {
  token: string;
  role: Role;
  sub: string;
  country?: string;
  providerId?: string;
  exp: number;
}

const ROLES: readonly string[] = ['coordinator', 'admin', 'country', 'donor'];
const KEY = 'capmatch.token';

function decodePart(part: string): unknown {
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

/** The session a token describes, or null when it is not a well-formed, unexpired capmatch token. */
export function sessionOf(token: string, now = Date.now()): Session | null {
  const parts = token.trim().split('.');
  if (parts.length !== 3) return null;
  try {
    const claims = decodePart(parts[1]) as Record<string, unknown>;
    if (typeof claims.role !== 'string' || !ROLES.includes(claims.role)) return null;
    if (typeof claims.exp !== 'number' || claims.exp * 1000 <= now) return null;
    return {
      token: token.trim(),
      role: claims.role as Role,
      sub: String(claims.sub ?? ''),
      country: typeof claims.country === 'string' ? claims.country : undefined,
      providerId: typeof claims.providerId === 'string' ? claims.providerId : undefined,
      exp: claims.exp,
    };
  } catch {
    return null;
  }
}

/** Kept for the browser tab only (sessionStorage): closing the tab signs out. */
export const storedToken = (): string | null => sessionStorage.getItem(KEY);
export const storeToken = (token: string | null): void => {
  if (token === null) sessionStorage.removeItem(KEY);
  else sessionStorage.setItem(KEY, token);
};

export const isCoordinator = (s: Session): boolean => s.role === 'coordinator' || s.role === 'admin';
