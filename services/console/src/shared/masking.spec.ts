import { formatPhone, isMasked, purposeError } from './masking';

describe('masked contact data in the console', () => {
  it('tells masked values from full ones', () => {
    expect(isMasked('138****5678')).toBe(true);
    expect(isMasked('金城社区12栋****')).toBe(true);
    expect(isMasked('13812345678')).toBe(false);
    expect(isMasked(null)).toBe(false);
  });

  it('asks for a real purpose before unmasking', () => {
    expect(purposeError('  ')).toBe('请说明查看完整信息的用途');
    expect(purposeError('看看')).toBe('用途至少 4 个字');
    expect(purposeError('x'.repeat(201))).toBe('用途最多 200 个字');
    expect(purposeError('回拨居民确认诉求')).toBeNull();
  });

  it('groups a full mobile number for reading aloud and leaves masked ones alone', () => {
    expect(formatPhone('8613812345678')).toBe('138 1234 5678');
    expect(formatPhone('138****5678')).toBe('138****5678');
    expect(formatPhone(undefined)).toBe('—');
  });
});
