/** The matching service itself, as recorded in audit trails of what it decided on its own. */
export const SYSTEM_ACTOR = { sub: 'matching', role: 'system' } as const;

export interface Actor {
  sub: string;
  role: string;
}
