export * from './data-source-options';
export * from './database-url';
export * from './background-loop';
