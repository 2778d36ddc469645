export { SecretBox } from '@bangbang/auth';

export const SECRET_BOX = Symbol('SECRET_BOX');
