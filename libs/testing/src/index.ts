export * from './child-process';
export * from './kafka-probe';
export * from './test-infra';
export * from './wait-for';
export * from './test-app';
export * from './test-issuer';
export * from './free-port';
