import { Body, Controller, Module, Param, Post, Query } from '@nestjs/common';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsISO8601, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import { controllersOf, dtoRuleGaps, httpDtos } from './dto-rules';
import { IsDateTime } from './is-date-time';

class Loose {
  @IsString() name: string;
  @IsArray() @IsString({ each: true }) @Length(1, 5, { each: true }) tags: string[];
  @IsIn(['a', 'b'], { each: true }) kinds: string[];
  @IsInt() @Min(0) count: number;
  @IsISO8601() at: string;
  @ValidateNested() untyped: object;
}

class Tight {
  @IsString() @Length(1, 64) name: string;
  @IsArray() @ArrayMaxSize(5) @IsString({ each: true }) @Length(1, 5, { each: true }) tags: string[];
  @IsInt() @Min(0) @Max(10) count: number;
  @IsDateTime() at: string;
}

class Outer {
  @ValidateNested() @Type(() => Tight) inner: Tight;
}

class SearchQuery {
  @IsIn(['x']) q: string;
}

@Controller('x')
class XController {
  @Post(':id')
  create(@Body() _outer: Outer, @Query() _q: SearchQuery, @Param('id') _id: string): void {}
}

@Module({ controllers: [XController] })
class Inner {}

@Module({ imports: [Inner] })
class Root {}

describe('DTO rules', () => {
  it('names every gap', () => {
    expect(dtoRuleGaps(Loose)).toEqual([
      'Loose.name is a string without @MaxLength or @Length',
      'Loose.tags is an array without @ArrayMaxSize',
      'Loose.kinds checks each element without @IsArray',
      'Loose.count is a number without @Min and @Max',
      'Loose.at is an ISO 8601 string: use @IsDateTime (week dates and signed years make Invalid Date)',
      'Loose.untyped is @ValidateNested without @Type',
    ]);
    expect(dtoRuleGaps(Tight)).toEqual([]);
  });

  it("finds the DTOs of a module's handlers, nested ones included", () => {
    const controllers = controllersOf({ module: Root, imports: [] });
    expect(controllers).toEqual([XController]);
    expect(new Set(httpDtos(controllers))).toEqual(new Set([Outer, Tight, SearchQuery]));
  });
});
