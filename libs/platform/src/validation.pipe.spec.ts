import { Type } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, ValidateIf, ValidateNested } from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { NullAllowed, shapeProblems, StrictValidationPipe } from './validation.pipe';

class Window {
  @IsString() from: string;
}
class Hours {
  @IsBoolean() always: boolean;
  @ValidateNested({ each: true }) @Type(() => Window) windows: Window[];
}
class Unit {
  @ValidateNested() @Type(() => Hours) hours: Hours;
  @IsOptional() @ValidateNested() @Type(() => Window) preferred?: Window;
  @ValidateIf((u: Unit) => u.preferred === undefined) @ValidateNested() @Type(() => Window) fallback?: Window;
  @IsOptional() @IsString() note?: string;
  @IsOptional() @NullAllowed() @IsString() pausedUntil?: string | null;
}

const problems = (plain: unknown) => shapeProblems(plainToInstance(Unit, plain) as object);

describe('nested shapes', () => {
  it('passes a complete value', () => {
    expect(problems({ hours: { always: false, windows: [{ from: 'a' }] }, preferred: { from: 'b' } })).toEqual([]);
  });

  it('requires a nested object unless it is optional or its condition says no', () => {
    expect(problems({})).toEqual(['hours must be an object', 'fallback must be an object']);
    expect(problems({ hours: { always: true, windows: [] }, preferred: { from: 'b' } })).toEqual([]);
    expect(problems({ hours: null, preferred: { from: 'b' } })).toEqual(['hours must be an object']);
  });

  it('refuses null for an optional property unless null is allowed there', () => {
    const complete = { hours: { always: true, windows: [] }, preferred: { from: 'b' } };
    expect(problems({ ...complete, note: null, pausedUntil: null })).toEqual(['note must not be null (leave it out to keep it as it is)']);
    expect(problems({ ...complete, preferred: null, fallback: { from: 'c' } })).toEqual([
      'preferred must not be null (leave it out to keep it as it is)',
    ]);
  });

  it('refuses an array where one object is expected, and anything but an array of objects where many are', () => {
    expect(problems({ hours: [], preferred: { from: 'b' } })).toEqual(['hours must be an object']);
    expect(problems({ hours: { always: true, windows: { from: 'a' } }, preferred: { from: 'b' } })).toEqual([
      'hours.windows must be an array of objects',
    ]);
  });

  it('refuses arrays nested in an array of objects, at any depth', () => {
    expect(problems({ hours: { always: true, windows: [{ from: 'a' }, [[[]]], 'x'] }, preferred: { from: 'b' } })).toEqual([
      'hours.windows.1 must be an object',
      'hours.windows.2 must be an object',
    ]);
  });

  it('turns them into a 400 from the pipe, naming the field', async () => {
    const pipe = new StrictValidationPipe();
    await expect(
      pipe.transform({ hours: { always: true, windows: [[]] }, preferred: { from: 'b' } }, { type: 'body', metatype: Unit }),
    ).rejects.toMatchObject({
      response: { statusCode: 400, message: ['hours.windows.0 must be an object'] },
    });
  });

  it('keeps only the fields the client sent, so a partial update copies nothing undefined', async () => {
    const dto = (await new StrictValidationPipe().transform(
      { hours: { always: true, windows: [] }, preferred: { from: 'b' } },
      { type: 'body', metatype: Unit },
    )) as object;
    expect(Object.keys(dto)).toEqual(['hours', 'preferred']);
    expect(Object.assign({ note: 'kept', pausedUntil: 'kept' }, dto)).toMatchObject({ note: 'kept', pausedUntil: 'kept' });
  });
});
