import 'reflect-metadata';
export * from './cloud-event';
export * from './kafka-binding';
export * from './registry';
export * from './topics';
export * from './request/request-created.v1';
