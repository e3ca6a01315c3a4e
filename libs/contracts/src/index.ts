export * from './queues';
export * from './events';
export * from './routing';
export * from './snapshots';
export * from './payload-validators';
