import 'reflect-metadata';
import { databaseUrlFor } from '@bangbang/persistence';
import { DataSource } from 'typeorm';
import { Messaging } from '../src';

/** An outbox relay that dies by SIGKILL after Kafka acknowledged a batch, before marking it sent. */
async function main(): Promise<void> {
  const ds = await new DataSource({ type: 'postgres', url: databaseUrlFor('pingtest') }).initialize();
  const messaging = new Messaging('pingtest', ds, {
    relayHooks: { afterPublish: () => void process.kill(process.pid, 'SIGKILL') },
  });
  await messaging.start();
}

void main();
