/**
 * `@OnEvent` option for facts about any provider's job: those of merchants and social organisations
 * are passed by without a transaction, as nothing here concerns them.
 */
export const volunteersOnly = { when: (data: { providerKind?: string }): boolean => data.providerKind === 'volunteer' };
