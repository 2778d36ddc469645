export * from './data-source-options';
export * from './database-url';
export * from './background-loop';
export * from './query-logger';
export * from './pg-listener';
export * from './transaction-conflict';
export * from './service-client';
export * from './entity-rows';
