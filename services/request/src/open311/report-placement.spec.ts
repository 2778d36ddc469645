import { distanceMetres, nameScore, PlaceUnit, placeReport } from './report-placement';

const unit = (code: string, level: string, orgPath: string, nameZh: string): PlaceUnit => ({ code, level, orgPath, nameZh });
const district = unit('nanchang', 'district', '/nanchang/', '南长区');
const UNITS = [
  district,
  unit('jinxing', 'street', '/nanchang/jinxing/', '金星街道'),
  unit('jincheng', 'community', '/nanchang/jinxing/jincheng/', '金城社区'),
  unit('huaigu', 'community', '/nanchang/jinxing/huaigu/', '槐古社区'),
  unit('yangming', 'street', '/nanchang/yangming/', '扬名街道'),
  unit('yinxiu', 'community', '/nanchang/yangming/yinxiu/', '隐秀社区'),
  unit('jincheng-east', 'community', '/nanchang/yangming/jincheng-east/', '金城东社区'),
];
const place = (
  address?: string,
  point?: { lat: number; lng: number },
  neighbours = [] as Array<{ communityCode: string; lat: number; lng: number }>,
) => {
  const p = placeReport({ address, point }, UNITS, neighbours, district);
  return `${p.unit.code} by ${p.by}`;
};
/** A point `metres` north of the origin. */
const north = (origin: { lat: number; lng: number }, metres: number) => ({ lat: origin.lat + metres / 111_195, lng: origin.lng });
const HERE = { lat: 31.5689, lng: 120.3017 };

describe('placing a report from someone not yet registered', () => {
  it.each([
    ['无锡市梁溪区金星街道金城社区12栋3单元502室', 'jincheng by community-name'],
    ['槐古新村8号楼', 'huaigu by community-name'],
    ['隐秀 苑 3 号', 'yinxiu by community-name'],
    ['金城东社区5幢', 'jincheng-east by community-name'],
    ['扬名街道金城东路88号', 'jincheng-east by community-name'],
    ['扬名街道某路1号', 'yangming by street-name'],
    ['金星街道金城路', 'jincheng by community-name'],
    ['人民路1号', 'nanchang by fallback'],
  ])('%s → %s', (address, expected) => expect(place(address)).toBe(expected));

  it('takes the longer name when two communities match, and no community when they match alike', () => {
    expect(nameScore('金城东社区', '金城东社区')).toBe(5);
    expect(nameScore('金城东社区', '金城社区')).toBe(2);
    expect(place('金城东 and 槐古', undefined)).toBe('jincheng-east by community-name');
    expect(place('槐古隐秀交界处')).toBe('nanchang by fallback');
  });

  it('keeps to the street the address names', () => {
    expect(place('金星街道金城东路')).toBe('jincheng by community-name');
  });

  it('asks the nearest registered households when the address names no community', () => {
    const neighbours = [
      { communityCode: 'huaigu', ...north(HERE, 40) },
      { communityCode: 'jincheng', ...north(HERE, 60) },
      { communityCode: 'jincheng', ...north(HERE, 80) },
      { communityCode: 'huaigu', ...north(HERE, 400) },
      { communityCode: 'huaigu', ...north(HERE, 500) },
    ];
    expect(place(undefined, HERE, neighbours)).toBe('jincheng by neighbours');
    expect(place(undefined, HERE, neighbours.slice(0, 2))).toBe('huaigu by neighbours');
    expect(place(undefined, HERE, neighbours.slice(3))).toBe('nanchang by fallback');
    expect(place('人民路1号', HERE, neighbours)).toBe('jincheng by neighbours');
    expect(place('槐古新村', HERE, neighbours)).toBe('huaigu by community-name');
    expect(place('扬名街道', HERE, neighbours)).toBe('yangming by street-name');
  });

  it('measures distance on the sphere', () => {
    expect(Math.round(distanceMetres(HERE, north(HERE, 300)))).toBe(300);
    expect(Math.round(distanceMetres({ lat: 0, lng: 0 }, { lat: 0, lng: 1 }) / 1000)).toBe(111);
  });
});
