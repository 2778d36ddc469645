import 'reflect-metadata';
import { createKafka, MessagingConfig } from '@bangbang/messaging';
import { loadConfig } from '@bangbang/observability';

/**
 * One member of the measured consumer group, in its own process so it can die by SIGKILL: joins with
 * the session, heartbeat, rebalance and fetch-wait settings of its environment and prints each assignment it gets.
 */
async function main(): Promise<void> {
  const config = loadConfig(MessagingConfig);
  const consumer = createKafka(config, 'handover-member').consumer({
    groupId: process.env.HANDOVER_GROUP!,
    sessionTimeout: config.CONSUMER_SESSION_TIMEOUT_MS,
    heartbeatInterval: config.CONSUMER_HEARTBEAT_MS,
    rebalanceTimeout: config.CONSUMER_REBALANCE_TIMEOUT_MS,
    maxWaitTimeInMs: config.CONSUMER_MAX_WAIT_MS,
  });
  consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
    const partitions = Object.values(payload.memberAssignment).reduce((n, list) => n + list.length, 0);
    process.stdout.write(`${JSON.stringify({ joined: partitions })}\n`);
  });
  process.once('SIGTERM', () => void consumer.disconnect().then(() => process.exit(0)));
  await consumer.connect();
  await consumer.subscribe({ topic: process.env.HANDOVER_TOPIC!, fromBeginning: false });
  await consumer.run({ eachMessage: async () => undefined });
}

void main();
