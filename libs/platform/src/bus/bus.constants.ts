/** Injection token of the ServiceName the bus runs for. */
export const BUS_SERVICE = Symbol('BUS_SERVICE');
/** Injection token of the Postgres schema holding this service's outbox and inbox. */
export const BUS_SCHEMA = Symbol('BUS_SCHEMA');

/** The NOTIFY channel the outbox of one schema wakes its relays on. */
export function outboxChannel(schema: string): string {
  return `capmatch_outbox_${schema}`;
}

/** Schema names are interpolated into SQL, so only plain identifiers are accepted. */
export function quoteSchema(schema: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`Invalid schema name "${schema}"`);
  return `"${schema}"`;
}
