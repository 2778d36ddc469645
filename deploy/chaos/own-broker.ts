import { PortBlock, portBlock } from '@bangbang/testing';
import { ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';

const ROOT = join(__dirname, '../..');
const HOST = '127.0.0.1';
const START_TIMEOUT_MS = 120_000;

/**
 * A single-node KRaft broker of the chaos run's own, from the same Apache jars as
 * `deploy/local/kafka.sh`, on free ports with a throwaway data directory: the one the broker fault
 * kills with SIGKILL and starts again on the same data. The machine's shared broker is never touched.
 */
export class OwnBroker {
  private child?: ChildProcess;
  private port = 0;
  /** Its two ports, kept while it is down between a kill and its restart. */
  private ports?: PortBlock;
  private readonly dir = mkdtempSync(join(tmpdir(), 'chaos-kafka-'));
  private classpath = '';

  get brokers(): string {
    return `${HOST}:${this.port}`;
  }

  get logFile(): string {
    return join(this.dir, 'server.log');
  }

  async start(): Promise<void> {
    this.classpath = (
      await promisify(execFile)('bash', [join(ROOT, 'deploy/local/kafka.sh'), 'classpath'], { maxBuffer: 1 << 20 })
    ).stdout.trim();
    this.ports = await portBlock(2);
    const [port, controller] = this.ports.ports;
    this.port = port;
    const config = join(this.dir, 'server.properties');
    writeFileSync(
      config,
      [
        'process.roles=broker,controller',
        'node.id=1',
        `controller.quorum.voters=1@${HOST}:${controller}`,
        `listeners=PLAINTEXT://${HOST}:${this.port},CONTROLLER://${HOST}:${controller}`,
        `advertised.listeners=PLAINTEXT://${HOST}:${this.port}`,
        'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
        'controller.listener.names=CONTROLLER',
        'inter.broker.listener.name=PLAINTEXT',
        `log.dirs=${join(this.dir, 'data')}`,
        'num.partitions=3',
        'default.replication.factor=1',
        'offsets.topic.replication.factor=1',
        'offsets.topic.num.partitions=5',
        'transaction.state.log.replication.factor=1',
        'transaction.state.log.min.isr=1',
        'min.insync.replicas=1',
        'group.initial.rebalance.delay.ms=0',
        'auto.create.topics.enable=false',
      ].join('\n'),
    );
    writeFileSync(
      join(this.dir, 'log4j.properties'),
      [
        'log4j.rootLogger=INFO, file',
        'log4j.appender.file=org.apache.log4j.FileAppender',
        `log4j.appender.file.File=${this.logFile}`,
        'log4j.appender.file.layout=org.apache.log4j.PatternLayout',
        'log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n',
      ].join('\n'),
    );
    // Kafka cluster ids are 16 random bytes in base64url; a leading '-' would read as an option.
    const clusterId = randomBytes(16).toString('base64url').replace(/^-/, 'A');
    await promisify(execFile)('java', [...this.jvm(), 'kafka.tools.StorageTool', 'format', '-t', clusterId, '-c', config]);
    await this.launch();
  }

  /** kill -9, as a crash would end it. */
  kill(): void {
    this.child?.kill('SIGKILL');
  }

  /** Starts it again on the same data, as a supervisor would, and waits until it takes connections. */
  async restart(): Promise<void> {
    const child = this.child;
    if (child && child.exitCode === null && child.signalCode === null) await new Promise((resolve) => child.once('exit', resolve));
    await this.launch();
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (child && child.exitCode === null && child.signalCode === null) {
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await gone;
      clearTimeout(timer);
    }
    await this.ports?.release();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private jvm(): string[] {
    return [
      '-Xms128m',
      '-Xmx384m',
      // A test broker: the quickest start matters more than throughput.
      '-XX:+UseSerialGC',
      '-XX:TieredStopAtLevel=1',
      '-Djava.awt.headless=true',
      `-Dlog4j.configuration=file:${join(this.dir, 'log4j.properties')}`,
      '-cp',
      this.classpath,
    ];
  }

  private async launch(): Promise<void> {
    const startedAt = readText(this.logFile).length;
    const out = openSync(join(this.dir, 'stdout.log'), 'a');
    const child = spawn('java', [...this.jvm(), 'kafka.Kafka', join(this.dir, 'server.properties')], { stdio: ['ignore', out, out] });
    this.child = child;
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (!(readText(this.logFile).slice(startedAt).includes('Kafka Server started') && (await answers(this.port)))) {
      if (child.exitCode !== null) throw new Error(`the chaos run's broker exited while starting: see ${this.dir}`);
      if (Date.now() > deadline) throw new Error(`the chaos run's broker did not start in ${START_TIMEOUT_MS} ms: see ${this.dir}`);
      await sleep(250);
    }
  }
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, HOST);
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.setTimeout(1_000, () => done(false));
  });
}
