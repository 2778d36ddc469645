import { UNIT_KINDS } from '../units/partner-unit.entity';

/** Whether a fact's provider kind can be a partner unit's; a fact without one may be (older facts). */
export const isUnitKind = (kind: string | undefined): boolean => kind === undefined || (UNIT_KINDS as readonly string[]).includes(kind);

/**
 * `@OnEvent` option for facts about any provider's job: those of volunteers are passed by without a
 * transaction, as nothing here concerns them.
 */
export const unitsOnly = { when: (data: { providerKind?: string }): boolean => isUnitKind(data.providerKind) };
