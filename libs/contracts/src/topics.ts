/** One topic per producing service; the dead-letter topic of each is `<topic>.dlq`. */
export const TOPICS = {
  directory: 'bangbang.directory',
  request: 'bangbang.request',
  dispatch: 'bangbang.dispatch',
  merchant: 'bangbang.merchant',
  volunteer: 'bangbang.volunteer',
  rating: 'bangbang.rating',
  /** The PBX's reports as the gateway's CTI endpoint took them (the gateway produces, the request service reads). */
  telephony: 'bangbang.telephony',
} as const;

export type Topic = (typeof TOPICS)[keyof typeof TOPICS];

export const dlqTopic = (topic: string): string => `${topic}.dlq`;
