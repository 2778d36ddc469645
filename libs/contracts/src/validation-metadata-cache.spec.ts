import 'reflect-metadata';
import { plainToInstance, Type } from 'class-transformer';
import { getMetadataStorage, IsInt, IsString, MaxLength, MetadataStorage, Min, ValidateNested, validateSync } from 'class-validator';
import { cacheValidationMetadata } from './validation-metadata-cache';

class Part {
  @IsString() code!: string;
}

class Base {
  @IsString() name!: string;
}

class Order extends Base {
  @IsInt() @Min(1, { groups: ['strict'] }) count!: number;
  @ValidateNested({ each: true }) @Type(() => Part) parts!: Part[];
}

const failures = (plain: object, groups?: string[]): string[] =>
  validateSync(plainToInstance(Order, plain), { groups, forbidUnknownValues: true })
    .flatMap((e) => [e, ...(e.children ?? []).flatMap((c) => c.children ?? [])])
    .flatMap((e) => Object.keys(e.constraints ?? {}).map((k) => `${e.property}:${k}`))
    .sort();

describe('cacheValidationMetadata', () => {
  const storage = getMetadataStorage();
  const uncached = MetadataStorage.prototype.getTargetValidationMetadatas;
  // Installed under the cache: called only when the cache does not hold the answer.
  const lookups = jest.spyOn(storage, 'getTargetValidationMetadatas');
  beforeAll(() => cacheValidationMetadata(storage));

  it('answers what class-validator answers, with inherited rules and with groups', () => {
    const asked: [boolean, boolean, string[] | undefined][] = [
      [false, false, undefined],
      [false, false, ['strict']],
      [true, true, []],
    ];
    for (const [always, strict, groups] of asked) {
      expect(storage.getTargetValidationMetadatas(Order, '', always, strict, groups)).toEqual(
        uncached.call(storage, Order, '', always, strict, groups),
      );
    }
    // A group picks its own rules alone; without groups every rule applies.
    expect(failures({ name: 1, count: 0, parts: [{ code: 2 }] }, ['strict'])).toEqual(['count:min']);
    expect(failures({ name: 1, count: 0, parts: [{ code: 2 }] })).toEqual(['code:isString', 'count:min', 'name:isString']);
  });

  it('walks the classes once for each class validated', () => {
    const plain = { name: 'x', count: 2, parts: [{ code: 'a' }, { code: 'b' }] };
    failures(plain);
    lookups.mockClear();
    for (let i = 0; i < 5; i++) expect(failures(plain)).toEqual([]);
    expect(lookups).not.toHaveBeenCalled();
  });

  it('sees a rule added after a class was looked up', () => {
    expect(failures({ name: 'a long name', count: 3, parts: [] })).toEqual([]);
    MaxLength(5)(Order.prototype, 'name');
    expect(failures({ name: 'a long name', count: 3, parts: [] })).toEqual(['name:maxLength']);
  });
});
