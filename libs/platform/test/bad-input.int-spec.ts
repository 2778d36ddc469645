import { registry } from '@bangbang/observability';
import { createTestDatabase, TestDatabase } from '@bangbang/testing';
import {
  ArgumentsHost,
  Body,
  Catch,
  Controller,
  ExceptionFilter,
  Get,
  HttpException,
  Module,
  Param,
  Post,
  Query,
  UseFilters,
} from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, MaxLength, Min, ValidateNested } from 'class-validator';
import { DataSource, QueryFailedError } from 'typeorm';
import { AcceptsForm, createServiceApp, describeUnexpected, MAX_DEPTH, UNEXPECTED_MESSAGE } from '@bangbang/platform';

class ContactDto {
  @IsString() @MaxLength(32) phone: string;
  @IsArray() @ArrayMaxSize(5) @IsString({ each: true }) @MaxLength(20, { each: true }) tags: string[];
}

class NoteDto {
  @IsString() @MaxLength(200) text: string;
  @IsInt() @Min(0) copies: number;
  @IsArray() @ArrayMaxSize(5) @ValidateNested({ each: true }) @Type(() => ContactDto) contacts: ContactDto[];
}

class SearchQuery {
  @IsOptional() @IsString() @MaxLength(50) q?: string;
}

const PHONE = '13812345678';
let ds: DataSource;

/** What a feature's own filter (Open311's) is handed. */
const seenByFeatureFilter: unknown[] = [];
@Catch()
class FeatureFilter implements ExceptionFilter {
  catch(error: unknown, host: ArgumentsHost): void {
    seenByFeatureFilter.push(error);
    const status = error instanceof HttpException ? error.getStatus() : 599;
    host.switchToHttp().getResponse<{ code(n: number): { send(b: unknown): void } }>().code(status).send({ feature: true });
  }
}

@Controller('notes')
class NotesController {
  @Post()
  async create(@Body() dto: NoteDto): Promise<{ ok: true }> {
    await ds.query('INSERT INTO note (text, copies, phone) VALUES ($1, $2, $3)', [dto.text, dto.copies, dto.contacts[0]?.phone ?? null]);
    return { ok: true };
  }

  @Get(':id')
  one(@Param('id') id: string, @Query() q: SearchQuery): { id: string; q?: string } {
    return { id, q: q.q };
  }

  /** A bug: a NOT NULL column left empty, with a phone among the parameters. */
  @Post('bug')
  async bug(): Promise<void> {
    await ds.query('INSERT INTO note (text, copies, phone) VALUES (NULL, 1, $1)', [PHONE]);
  }
}

@Controller('feature')
@UseFilters(FeatureFilter)
class FeatureController {
  @Post()
  @AcceptsForm()
  async take(@Body() body: Record<string, unknown>): Promise<{ ok: true }> {
    if (body.fail) await ds.query('SELECT $1::int', [PHONE + 'x']);
    return { ok: true };
  }
}

@Module({ controllers: [NotesController, FeatureController] })
class NotesModule {}

describe('bad input never answers 500', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await new DataSource({ type: 'postgres', url: db.url }).initialize();
    await ds.query('CREATE TABLE note (id serial PRIMARY KEY, text text NOT NULL, copies int NOT NULL, phone text)');
    app = await createServiceApp(
      { name: 'notes', defaultPort: 0, consumesEvents: false, module: () => ({ module: NotesModule }) },
      { env: { LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'fatal', BODY_LIMIT_BYTES: '200000' } },
    );
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(async () => {
    await app?.close();
    await ds?.destroy();
    await db?.drop();
  });

  const notes = async (): Promise<number> => (await ds.query('SELECT count(*)::int AS n FROM note'))[0].n;
  const note = (): NoteDto => ({ text: '楼道灯坏了\n三楼', copies: 1, contacts: [{ phone: PHONE, tags: ['elderly'] }] });
  const post = (payload: unknown, contentType = 'application/json') =>
    app.inject({
      method: 'POST',
      url: '/notes',
      headers: { 'content-type': contentType },
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    });
  const unexpectedCount = async (): Promise<number> =>
    (await registry.getSingleMetric('http_unexpected_errors_total')!.get()).values.reduce((sum, v) => sum + v.value, 0);
  const deep = `{"text":"a","copies":1,"contacts":${'['.repeat(50_000)}${']'.repeat(50_000)}}`;

  it('stores a well-formed note, line breaks and all', async () => {
    const before = await notes();
    const res = await post(note());
    expect(res.statusCode).toBe(201);
    expect(await notes()).toBe(before + 1);
  });

  it.each([
    ['NUL in text', { ...note(), text: 'a\u0000b' }, /^text must not contain control characters/],
    [
      'an escape character at depth',
      { ...note(), contacts: [{ phone: PHONE, tags: ['ok', '\u001b[2J'] }] },
      /^contacts\.0\.tags\.1 must not contain control characters/,
    ],
    ['a lone surrogate', { ...note(), contacts: [{ phone: '\ud800' + PHONE, tags: [] }] }, /^contacts\.0\.phone must be well-formed text/],
    ['an unsafe integer', { ...note(), copies: 2 ** 53 }, /^copies must be a number between/],
    ['nesting deeper than the limit', deep, new RegExp(`^contacts(\\.0){${MAX_DEPTH - 1}} is nested too deeply`)],
    ['a wrong element type at depth', { ...note(), contacts: [{ phone: PHONE, tags: [7] }] }, /^contacts\.0\.each value in tags must be/],
    ['arrays where objects belong', { ...note(), contacts: [[[]]] }, /^contacts\.0 must be an object$/],
    ['a missing list of objects', { ...note(), contacts: undefined }, /^contacts /],
    ['a body that is a list', [note()], /^body must be a JSON object$/],
    ['a body that is a string', '"note"', /^body must be a JSON object$/],
  ])('refuses %s with 400 naming the field, storing nothing', async (_, payload, message) => {
    const [before, unexpected] = [await notes(), await unexpectedCount()];
    const res = await post(payload);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect([res.json().message].flat()[0]).toMatch(message);
    expect(await notes()).toBe(before);
    expect(await unexpectedCount()).toBe(unexpected);
  });

  it('refuses a body in a media type the route does not take with 415, storing nothing', async () => {
    const before = await notes();
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) {
      const res = await post(type === 'text/plain' ? JSON.stringify(note()) : 'text=a&copies=1', type);
      expect([type, res.statusCode, res.json().error]).toEqual([type, 415, 'Unsupported Media Type']);
    }
    expect(await notes()).toBe(before);
  });

  it("answers malformed JSON 400 and an oversized body 413, in Nest's shape, as mistakes rather than bugs", async () => {
    const [before, unexpected] = [await notes(), await unexpectedCount()];
    const malformed = await post('{"text": "a",');
    expect([malformed.statusCode, malformed.json().error]).toEqual([400, 'Bad Request']);
    const oversized = await post({ ...note(), text: 'x'.repeat(250_000) });
    expect([oversized.statusCode, oversized.json().error]).toEqual([413, 'Payload Too Large']);
    expect([await notes(), await unexpectedCount()]).toEqual([before, unexpected]);
  });

  it('takes a form where the route says so', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/feature',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'a=1',
    });
    expect(res.statusCode).toBe(201);
  });

  it('applies the same rules to path and query parameters', async () => {
    const res = await app.inject({ method: 'GET', url: '/notes/a%00b?q=%E2%80%8Bok%07' });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toEqual([
      'id must not contain control characters (only tab and line breaks are allowed)',
      'q must not contain control characters (only tab and line breaks are allowed)',
    ]);
    expect((await app.inject({ method: 'GET', url: '/notes/n-1?q=ok' })).json()).toEqual({ id: 'n-1', q: 'ok' });
  });

  it('answers a database error 500 without detail, counts it, and gives a feature filter no raw error', async () => {
    const before = await unexpectedCount();
    const res = await app.inject({ method: 'POST', url: '/notes/bug' });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ statusCode: 500, error: 'Internal Server Error', message: UNEXPECTED_MESSAGE });
    expect(res.body).not.toContain(PHONE);
    expect(await unexpectedCount()).toBe(before + 1);
    // What /metrics serves.
    expect(await registry.metrics()).toMatch(/^http_unexpected_errors_total\{kind="database"\} [1-9]/m);

    const featured = await app.inject({ method: 'POST', url: '/feature', payload: { fail: true } });
    expect(featured.statusCode).toBe(500);
    expect(seenByFeatureFilter.at(-1)).toMatchObject({ message: UNEXPECTED_MESSAGE });
    expect(await unexpectedCount()).toBe(before + 2);
  });

  it('describes a failed query for the log without its parameters or the values PostgreSQL quotes', async () => {
    const error = await ds.query('SELECT $1::uuid', [PHONE]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QueryFailedError);
    const described = describeUnexpected(error);
    expect(described).toMatchObject({ kind: 'database', code: '22P02', query: 'SELECT $1::uuid' });
    expect(JSON.stringify(described)).not.toContain(PHONE);
  });
});
