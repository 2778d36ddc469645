import { ArgumentMetadata, BadRequestException, Type, ValidationPipe } from '@nestjs/common';
import { getMetadataStorage, ValidationError, ValidationTypes, ValidatorOptions } from 'class-validator';

type ValidationMetadata = ReturnType<ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']>[number];

const isObject = (v: unknown): v is object => v !== null && typeof v === 'object' && !Array.isArray(v);

function metadataByProperty(target: Type<unknown>): Map<string, ValidationMetadata[]> {
  const byProperty = new Map<string, ValidationMetadata[]>();
  for (const m of getMetadataStorage().getTargetValidationMetadatas(target, '', true, false)) {
    byProperty.set(m.propertyName, [...(byProperty.get(m.propertyName) ?? []), m]);
  }
  return byProperty;
}

const NULL_ALLOWED = Symbol('bangbang:null-allowed');

/** On an `@IsOptional()` property: null is a value the service understands (e.g. "no pause"). */
export const NullAllowed = (): PropertyDecorator => (target, property) => Reflect.defineMetadata(NULL_ALLOWED, true, target, property);

/**
 * What class-validator lets through: on an `@IsOptional()` property, null (it means "absent" there,
 * and a service that copies the DTO onto an entity then writes NULL into a NOT NULL column); on a
 * `@ValidateNested()` property, a missing value (it checks nested values only when present), an
 * array where one object is expected, and arrays nested in an array of objects (it walks into them
 * and finds nothing to check). Here null is refused unless the property is `@NullAllowed()`, and a
 * nested property is required unless it is `@IsOptional()` (or its `@ValidateIf` says no), holds one
 * object, or with `{ each: true }` an array of objects; and so on all the way down.
 */
export function shapeProblems(instance: object, path = ''): string[] {
  const problems: string[] = [];
  for (const [property, metadatas] of metadataByProperty(instance.constructor as Type<unknown>)) {
    const value = (instance as Record<string, unknown>)[property];
    const name = path ? `${path}.${property}` : property;
    if (value === null && metadatas.some((m) => m.name === 'isOptional') && !Reflect.getMetadata(NULL_ALLOWED, instance, property)) {
      problems.push(`${name} must not be null (leave it out to keep it as it is)`);
      continue;
    }
    const nested = metadatas.find((m) => m.type === ValidationTypes.NESTED_VALIDATION);
    if (!nested) continue;
    const conditions = metadatas.filter((m) => m.type === ValidationTypes.CONDITIONAL_VALIDATION);
    if (conditions.length && !conditions.every((c) => (c.constraints[0] as (object: unknown, value: unknown) => boolean)(instance, value)))
      continue;
    if (!nested.each) {
      if (isObject(value)) problems.push(...shapeProblems(value, name));
      else problems.push(`${name} must be an object`);
      continue;
    }
    if (!Array.isArray(value)) {
      problems.push(`${name} must be an array of objects`);
      continue;
    }
    value.forEach((item, i) => {
      if (isObject(item)) problems.push(...shapeProblems(item, `${name}.${i}`));
      else problems.push(`${name}.${i} must be an object`);
    });
  }
  return problems;
}

/**
 * A DTO instance has an own property for every declared field (ES2022 class fields), undefined
 * where the client sent nothing: `Object.assign(entity, dto)` would then blank every field the
 * client left out of a partial update. Only what was sent (or defaulted) is kept.
 */
function withoutUndefined<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined) delete (value as Record<string, unknown>)[key];
    else withoutUndefined(item);
  }
  return value;
}

/** Nest's pipe, whitelisting and transforming, with the shapes checked as above. */
export class StrictValidationPipe extends ValidationPipe {
  constructor() {
    super({ whitelist: true, forbidNonWhitelisted: true, transform: true, stopAtFirstError: false });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // A list or a bare value where the DTO describes an object (no body at all stays an empty one).
    if (
      metadata.type === 'body' &&
      metadata.metatype &&
      this.toValidate(metadata) &&
      value != null &&
      (typeof value !== 'object' || Array.isArray(value))
    ) {
      throw new BadRequestException(['body must be a JSON object']);
    }
    return withoutUndefined(await super.transform(value, metadata));
  }

  protected override async validate(object: object, options?: ValidatorOptions): Promise<ValidationError[]> {
    const errors = await super.validate(object, options);
    if (errors.length) return errors;
    return shapeProblems(object).map((message) => {
      const error = new ValidationError();
      error.property = message.split(' ')[0];
      error.constraints = { shape: message };
      error.children = [];
      return error;
    });
  }
}
