import { NotFoundException } from '@nestjs/common';
import { assertInScope, inScope, likePrefix } from './scope';

describe('org scope', () => {
  const street = { orgPath: '/nanchang/jinxing/' };

  it('covers the unit itself and everything under it', () => {
    expect(inScope(street, '/nanchang/jinxing/')).toBe(true);
    expect(inScope(street, '/nanchang/jinxing/jincheng/')).toBe(true);
  });

  it('does not cover siblings, parents, or codes that merely share a prefix', () => {
    expect(inScope(street, '/nanchang/yinxiu/')).toBe(false);
    expect(inScope(street, '/nanchang/')).toBe(false);
    expect(inScope(street, '/nanchang/jinxing2/')).toBe(false);
  });

  it('answers out of scope with 404, not 403', () => {
    expect(() => assertInScope(street, '/nanchang/yinxiu/', 'unit')).toThrow(NotFoundException);
    expect(() => assertInScope(street, '/nanchang/jinxing/jincheng/')).not.toThrow();
  });

  it('escapes LIKE wildcards so a path cannot widen its own filter', () => {
    expect(likePrefix('/a_b/')).toBe('/a\\_b/%');
    expect(likePrefix('/%/')).toBe('/\\%/%');
  });
});
