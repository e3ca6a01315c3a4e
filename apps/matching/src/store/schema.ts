import type { DataSource } from 'typeorm';

/**
 * A table of this service's schema, quoted, with the schema taken from the data source (the
 * platform sets it per service), so no SQL spells the schema out.
 */
export function tableNamer(dataSource: DataSource): (table: string) => string {
  const schema = (dataSource.options as { schema?: string }).schema;
  if (!schema) throw new Error('the matching data source has no schema');
  return (table) => `"${schema}".${table}`;
}
