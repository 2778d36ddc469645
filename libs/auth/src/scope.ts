import { NotFoundException } from '@nestjs/common';
import {
  And,
  EntityManager,
  EntityTarget,
  Equal,
  FindManyOptions,
  FindOperator,
  FindOptionsWhere,
  Like,
  ObjectLiteral,
  SelectQueryBuilder,
} from 'typeorm';
import type { Principal } from './principal';

type Scope = Pick<Principal, 'orgPath'>;

/** A resource is in scope iff its org path starts with the principal's (paths end in '/'). */
export function inScope(principal: Scope, orgPath: string): boolean {
  return orgPath.startsWith(principal.orgPath);
}

/** Out of scope looks exactly like absent, so ids of other communities' resources cannot be probed. */
export function assertInScope(principal: Scope, orgPath: string, what = 'resource'): void {
  if (!inScope(principal, orgPath)) throw new NotFoundException(`${what} not found`);
}

export function likePrefix(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** An entity that lives somewhere in the org tree, mapped to an `org_path` column. */
export interface Scoped {
  orgPath: string;
}

type Where<T> = FindOptionsWhere<T>;

/**
 * The way to read scoped rows: every query it builds carries the `org_path LIKE` filter, so a
 * handler cannot forget it. Writes check the target with `assertInScope` first.
 */
export class ScopedRepository<T extends Scoped & ObjectLiteral> {
  constructor(
    private readonly manager: EntityManager,
    private readonly entity: EntityTarget<T>,
    private readonly principal: Scope,
  ) {}

  find(options: Omit<FindManyOptions<T>, 'where'> & { where?: Where<T> } = {}): Promise<T[]> {
    return this.manager.find(this.entity, { ...options, where: this.scoped(options.where) });
  }

  findOne(where: Where<T>): Promise<T | null> {
    return this.manager.findOne(this.entity, { where: this.scoped(where) });
  }

  async get(where: Where<T>, what = 'resource'): Promise<T> {
    const found = await this.findOne(where);
    if (!found) throw new NotFoundException(`${what} not found`);
    return found;
  }

  count(where?: Where<T>): Promise<number> {
    return this.manager.count(this.entity, { where: this.scoped(where) });
  }

  /** A query builder already restricted to the scope; add conditions with `andWhere`. */
  createQueryBuilder(alias: string): SelectQueryBuilder<T> {
    return this.manager
      .createQueryBuilder(this.entity, alias)
      .where(`${alias}.orgPath LIKE :scopePrefix`, { scopePrefix: likePrefix(this.principal.orgPath) });
  }

  private scoped(where: Where<T> = {} as Where<T>): Where<T> {
    const own = (where as { orgPath?: string | FindOperator<string> }).orgPath;
    const scope = Like(likePrefix(this.principal.orgPath));
    const orgPath = own === undefined ? scope : And(scope, typeof own === 'string' ? Equal(own) : own);
    return { ...where, orgPath } as Where<T>;
  }
}

export function scopedRepository<T extends Scoped & ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  principal: Scope,
): ScopedRepository<T> {
  return new ScopedRepository(manager, entity, principal);
}
