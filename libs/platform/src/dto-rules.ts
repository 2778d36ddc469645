import { DynamicModule, Type } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { getMetadataStorage, ValidationTypes } from 'class-validator';

type ModuleRef = Type<unknown> | DynamicModule | Promise<DynamicModule> | { forwardRef: () => unknown } | undefined;

/** Every controller of a module and of the modules it imports. */
export function controllersOf(root: ModuleRef, seen = new Set<unknown>()): Type<unknown>[] {
  if (!root || root instanceof Promise || seen.has(root)) return [];
  seen.add(root);
  if ('forwardRef' in root) return controllersOf(root.forwardRef() as ModuleRef, seen);
  const dynamic = 'module' in root ? root : undefined;
  const moduleClass = dynamic ? dynamic.module : (root as Type<unknown>);
  const controllers: Type<unknown>[] = [
    ...((Reflect.getMetadata('controllers', moduleClass) as Type<unknown>[] | undefined) ?? []),
    ...(dynamic?.controllers ?? []),
  ];
  const imports: ModuleRef[] = [
    ...((Reflect.getMetadata('imports', moduleClass) as ModuleRef[] | undefined) ?? []),
    ...((dynamic?.imports ?? []) as ModuleRef[]),
  ];
  return [...new Set([...controllers, ...imports.flatMap((m) => controllersOf(m, seen))])];
}

const FROM_CLIENT = new Set([RouteParamtypes.BODY, RouteParamtypes.QUERY, RouteParamtypes.PARAM]);

const hasRules = (c: unknown): c is Type<unknown> =>
  typeof c === 'function' && getMetadataStorage().getTargetValidationMetadatas(c, '', true, false).length > 0;

const nestedType = (dto: Type<unknown>, property: string): Type<unknown> | undefined =>
  defaultMetadataStorage.findTypeMetadata(dto, property)?.typeFunction() as Type<unknown> | undefined;

/** The DTO classes of the body, query and path parameters of these controllers' handlers, nested ones included. */
export function httpDtos(controllers: Type<unknown>[]): Type<unknown>[] {
  const found = new Set<Type<unknown>>();
  const visit = (dto: Type<unknown>): void => {
    if (found.has(dto)) return;
    found.add(dto);
    for (const m of getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false)) {
      const nested = m.type === ValidationTypes.NESTED_VALIDATION ? nestedType(dto, m.propertyName) : undefined;
      if (hasRules(nested)) visit(nested);
    }
  };
  for (const controller of controllers) {
    for (const method of Object.getOwnPropertyNames(controller.prototype)) {
      const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) as Record<string, { index: number }> | undefined) ?? {};
      const types = (Reflect.getMetadata('design:paramtypes', controller.prototype as object, method) as unknown[] | undefined) ?? [];
      for (const [key, { index }] of Object.entries(args)) {
        const type = types[index];
        if (FROM_CLIENT.has(Number(key.split(':')[0])) && hasRules(type)) visit(type);
      }
    }
  }
  return [...found];
}

/**
 * What a DTO leaves unchecked that reaches the database or the code as a surprise: a nested value
 * class-transformer cannot build, text or lists without a bound, numbers without a range, a rule
 * for each element of something not checked to be a list, dates `new Date()` cannot read.
 */
export function dtoRuleGaps(dto: Type<unknown>): string[] {
  const byProperty = new Map<string, Array<{ name?: string; type: string; each?: boolean }>>();
  for (const m of getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false)) {
    byProperty.set(m.propertyName, [...(byProperty.get(m.propertyName) ?? []), m]);
  }
  const gaps: string[] = [];
  for (const [property, rules] of byProperty) {
    const has = (...names: string[]) => rules.some((r) => r.name !== undefined && names.includes(r.name));
    const gap = (what: string) => gaps.push(`${dto.name}.${property} ${what}`);
    if (rules.some((r) => r.type === ValidationTypes.NESTED_VALIDATION) && !nestedType(dto, property))
      gap('is @ValidateNested without @Type');
    if (has('isString', 'isNumberString') && !has('maxLength', 'isLength')) gap('is a string without @MaxLength or @Length');
    if (has('isArray') && !has('arrayMaxSize')) gap('is an array without @ArrayMaxSize');
    if (rules.some((r) => r.each) && !has('isArray')) gap('checks each element without @IsArray');
    if (has('isInt', 'isNumber') && !(has('min') && has('max')) && !has('isLatitude', 'isLongitude'))
      gap('is a number without @Min and @Max');
    if (has('isIso8601', 'isDateString')) gap('is an ISO 8601 string: use @IsDateTime (week dates and signed years make Invalid Date)');
  }
  return gaps;
}
