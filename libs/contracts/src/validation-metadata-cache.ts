import { getMetadataStorage, MetadataStorage } from 'class-validator';

type Lookup = MetadataStorage['getTargetValidationMetadatas'];
type Found = ReturnType<Lookup>;
type Grouped = ReturnType<MetadataStorage['groupByPropertyName']>;

const cached = new WeakSet<MetadataStorage>();

/**
 * Keeps what class-validator finds for a class. Uncached, every validated object (each nested one
 * too) walks every decorated class of the process to find its ancestors: with a service's DTOs and
 * every event contract loaded, that walk was a fifth to a third of each event's validation
 * (bench/contracts.bench.ts; typestack/class-validator#2686). A metadata added later (a class defined after a lookup)
 * drops everything kept, so an answer is never staler than the uncached one.
 */
export function cacheValidationMetadata(storage: MetadataStorage = getMetadataStorage()): void {
  if (cached.has(storage)) return;
  cached.add(storage);
  const lookUp: Lookup = storage.getTargetValidationMetadatas.bind(storage);
  const add = storage.addValidationMetadata.bind(storage);
  const group = storage.groupByPropertyName.bind(storage);
  let found = new WeakMap<object, Map<string, Found>>();
  const grouped = new WeakMap<Found, Grouped>();
  storage.addValidationMetadata = (metadata) => {
    found = new WeakMap();
    add(metadata);
  };
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const args = JSON.stringify([schema, always, strictGroups, groups ?? null]);
    let byArgs = found.get(target);
    if (!byArgs) found.set(target, (byArgs = new Map<string, Found>()));
    let metadatas = byArgs.get(args);
    if (!metadatas) byArgs.set(args, (metadatas = lookUp(target, schema, always, strictGroups, groups)));
    return metadatas;
  };
  // Called with what the lookup returned, so a kept answer is grouped once.
  storage.groupByPropertyName = (metadatas) => {
    let byProperty = grouped.get(metadatas);
    if (!byProperty) grouped.set(metadatas, (byProperty = group(metadatas)));
    return byProperty;
  };
}
