import { loadConfig, urlList } from '@bangbang/observability';
import { DynamicModule, FactoryProvider, Module, ModuleMetadata } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JWTVerifyGetKey } from 'jose';
import { AuthConfig } from './auth.config';
import { AuthGuard } from './auth.guard';
import { remoteKeys } from './remote-keys';
import { TokenVerifier } from './token-verifier';

/** Resolves the verification key of a token; by default the gateway's JWKS, fetched and cached. */
export const KEY_SOURCE = Symbol('KEY_SOURCE');
export const AUTH_CONFIG = Symbol('AUTH_CONFIG');

export interface AuthModuleOptions {
  /** Replaces the remote JWKS: the gateway checks its own tokens against its own key store. */
  keySource?: Omit<FactoryProvider<JWTVerifyGetKey>, 'provide'>;
  imports?: ModuleMetadata['imports'];
}

@Module({})
export class AuthModule {
  static forService(env: NodeJS.ProcessEnv, options: AuthModuleOptions = {}): DynamicModule {
    const config = loadConfig(AuthConfig, env);
    const keySource = options.keySource ?? { useFactory: () => remoteKeys(urlList(config.AUTH_JWKS_URL)) };
    return {
      module: AuthModule,
      global: true,
      imports: options.imports ?? [],
      providers: [
        { provide: AUTH_CONFIG, useValue: config },
        { provide: KEY_SOURCE, ...keySource },
        { provide: TokenVerifier, inject: [KEY_SOURCE], useFactory: (keys: JWTVerifyGetKey) => new TokenVerifier(keys, config) },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: [TokenVerifier, AUTH_CONFIG],
    };
  }
}
