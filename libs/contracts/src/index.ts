import 'reflect-metadata';
export * from './cloud-event';
export * from './kafka-binding';
export * from './registry';
export * from './topics';
export * from './request/request-created.v1';
export * from './directory/org-unit.v1';
export * from './directory/merchant-api-key.v1';
export * from './directory/audit-recorded.v1';
