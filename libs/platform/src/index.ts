export * from './bootstrap';
export * from './health.controller';
export * from './http-observability';
export * from './http.config';
export * from './platform.module';
