import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { CloudEvent } from './cloud-event';
import { cacheValidationMetadata } from './validation-metadata-cache';

// Every service validates events through here and loads this file before its first request or event.
cacheValidationMetadata();

export interface EventContract<T extends object = object> {
  type: string;
  topic: string;
  /** The producing service, used as the CloudEvents `source`. */
  source: string;
  payload: new () => T;
}

const contracts = new Map<string, EventContract>();

export function defineEvent<T extends object>(contract: EventContract<T>): EventContract<T> {
  if (!/^bangbang\.[a-z-]+\.[a-z.-]+\.v\d+$/.test(contract.type)) {
    throw new Error(`event type ${contract.type} is not of the form bangbang.<service>.<fact>.v<N>`);
  }
  if (contracts.has(contract.type)) throw new Error(`event type ${contract.type} defined twice`);
  contracts.set(contract.type, contract as EventContract);
  return contract;
}

export function findContract(type: string): EventContract | undefined {
  return contracts.get(type);
}

export function allContracts(): EventContract[] {
  return [...contracts.values()];
}

export class ContractViolation extends Error {
  constructor(
    readonly eventType: string,
    readonly violations: string[],
  ) {
    super(`event ${eventType} breaks its contract: ${violations.join('; ')}`);
  }
}

const ENVELOPE_REQUIRED = ['id', 'source', 'type', 'time', 'subject'] as const;

/**
 * Checks the envelope and validates `data` against the payload class. Unknown fields are allowed
 * so a producer may add optional fields without breaking older consumers; a breaking change is a
 * new `.vN` type. Returns the event with `data` as an instance of the payload class.
 */
export function validateEvent<T extends object>(event: CloudEvent, contract: EventContract<T>): CloudEvent<T> {
  const violations: string[] = [];
  if (event.specversion !== '1.0') violations.push('specversion must be 1.0');
  for (const attr of ENVELOPE_REQUIRED) {
    if (typeof event[attr] !== 'string' || event[attr] === '') violations.push(`${attr} is required`);
  }
  if (event.type !== contract.type) violations.push(`type must be ${contract.type}`);
  if (typeof event.data !== 'object' || event.data === null || Array.isArray(event.data)) {
    violations.push('data must be an object');
    throw new ContractViolation(contract.type, violations);
  }
  const data = plainToInstance(contract.payload, event.data);
  violations.push(...flatten(validateSync(data, { forbidUnknownValues: true })));
  if (violations.length) throw new ContractViolation(contract.type, violations);
  return { ...event, data };
}

function flatten(errors: ValidationError[], prefix = 'data'): string[] {
  return errors.flatMap((e) => {
    const path = `${prefix}.${e.property}`;
    const own = Object.values(e.constraints ?? {}).map((m) => `${path}: ${m}`);
    return [...own, ...flatten(e.children ?? [], path)];
  });
}
