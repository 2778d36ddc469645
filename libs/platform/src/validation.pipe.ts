import { ArgumentMetadata, BadRequestException, ValidationPipe } from '@nestjs/common';
import { getMetadataStorage, ValidationError, ValidationTypes, ValidatorOptions } from 'class-validator';

type ValidationMetadata = ReturnType<ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']>[number];

const isObject = (v: unknown): v is object => v !== null && typeof v === 'object' && !Array.isArray(v);

function metadataByProperty(target: Function): Map<string, ValidationMetadata[]> {
  const byProperty = new Map<string, ValidationMetadata[]>();
  for (const m of getMetadataStorage().getTargetValidationMetadatas(target, '', true, false)) {
    byProperty.set(m.propertyName, [...(byProperty.get(m.propertyName) ?? []), m]);
  }
  return byProperty;
}

/**
 * What class-validator lets through on a `@ValidateNested()` property: a missing value (it checks
 * nested values only when present), an array where one object is expected, and arrays nested in an
 * array of objects (it walks into them and finds nothing to check). Here a nested property is
 * required unless it is `@IsOptional()` (or its `@ValidateIf` says no), holds one object, or with
 * `{ each: true }` an array of objects; and so on all the way down.
 */
export function nestedShapeProblems(instance: object, path = ''): string[] {
  const problems: string[] = [];
  for (const [property, metadatas] of metadataByProperty(instance.constructor)) {
    const nested = metadatas.find((m) => m.type === ValidationTypes.NESTED_VALIDATION);
    if (!nested) continue;
    const value = (instance as Record<string, unknown>)[property];
    const conditions = metadatas.filter((m) => m.type === ValidationTypes.CONDITIONAL_VALIDATION);
    if (conditions.length && !conditions.every((c) => c.constraints[0](instance, value))) continue;
    const name = path ? `${path}.${property}` : property;
    if (!nested.each) {
      if (isObject(value)) problems.push(...nestedShapeProblems(value, name));
      else problems.push(`${name} must be an object`);
      continue;
    }
    if (!Array.isArray(value)) {
      problems.push(`${name} must be an array of objects`);
      continue;
    }
    value.forEach((item, i) => {
      if (isObject(item)) problems.push(...nestedShapeProblems(item, `${name}.${i}`));
      else problems.push(`${name}.${i} must be an object`);
    });
  }
  return problems;
}

/** Nest's pipe, whitelisting and transforming, with the nested shapes checked as above. */
export class StrictValidationPipe extends ValidationPipe {
  constructor() {
    super({ whitelist: true, forbidNonWhitelisted: true, transform: true, stopAtFirstError: false });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // A list or a bare value where the DTO describes an object (no body at all stays an empty one).
    if (metadata.type === 'body' && metadata.metatype && this.toValidate(metadata) && value != null && (typeof value !== 'object' || Array.isArray(value))) {
      throw new BadRequestException(['body must be a JSON object']);
    }
    return super.transform(value, metadata);
  }

  protected override async validate(object: object, options?: ValidatorOptions): Promise<ValidationError[]> {
    const errors = await super.validate(object, options);
    if (errors.length) return errors;
    return nestedShapeProblems(object).map((message) => {
      const error = new ValidationError();
      error.property = message.split(' ')[0];
      error.constraints = { nestedShape: message };
      error.children = [];
      return error;
    });
  }
}
