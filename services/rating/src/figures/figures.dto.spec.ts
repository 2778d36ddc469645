import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { RecomputeQuery } from './figures.dto';

const parse = (query: Record<string, string>) => {
  const dto = plainToInstance(RecomputeQuery, query);
  return { dto, errors: validateSync(dto).map((e) => e.property) };
};

describe('recompute query', () => {
  it('reads ?repair=false as false and ?repair=true as true', () => {
    expect(parse({ repair: 'false' }).dto.repair).toBe(false);
    expect(parse({ repair: 'true' }).dto.repair).toBe(true);
    expect(parse({}).dto.repair).toBe(false);
  });

  it('refuses anything else, naming the field', () => {
    expect(parse({ repair: 'yes please' }).errors).toEqual(['repair']);
  });
});
