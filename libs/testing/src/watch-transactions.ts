import type { EntityManager } from 'typeorm';

/**
 * Records, for each call of `target[method]`, whether the EntityManager passed at `managerAt` was in
 * a transaction (none passed counts as not). For a change that must read its answer in its own
 * transaction: a read after the commit that fails is answered 503, "nothing was changed", and the
 * client's repeat is then refused as a double. `restore` puts the method back.
 */
export function watchTransactions<T extends object>(
  target: T,
  method: keyof T & string,
  managerAt: number,
): { inTransaction: boolean[]; restore: () => void } {
  const own = Object.getOwnPropertyDescriptor(target, method);
  const original = target[method] as (...args: unknown[]) => unknown;
  const inTransaction: boolean[] = [];
  Object.defineProperty(target, method, {
    configurable: true,
    writable: true,
    value: (...args: unknown[]) => {
      inTransaction.push((args[managerAt] as EntityManager | undefined)?.queryRunner?.isTransactionActive === true);
      return original.apply(target, args);
    },
  });
  const restore = () => (own ? Object.defineProperty(target, method, own) : delete target[method]);
  return { inTransaction, restore: () => void restore() };
}
