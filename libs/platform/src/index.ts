export * from './bootstrap';
export * from './health.controller';
export * from './http-observability';
export * from './http.config';
export * from './openapi';
export * from './platform.module';
export * from './org-unit-copy.handler';
