import { auditOrigin } from './audit';

describe('auditOrigin', () => {
  it('takes the address the framework resolved, never a client-sent X-Forwarded-For', () => {
    expect(auditOrigin({ ip: '10.1.2.3', headers: { 'x-forwarded-for': '6.6.6.6', 'user-agent': 'console/1.0' } })).toEqual({
      ip: '10.1.2.3',
      userAgent: 'console/1.0',
    });
  });

  it('leaves out what is not an address, and cuts a long user agent', () => {
    expect(auditOrigin({ ip: 'unix-socket', headers: { 'x-forwarded-for': '6.6.6.6', 'user-agent': 'x'.repeat(600) } })).toEqual({
      ip: undefined,
      userAgent: 'x'.repeat(500),
    });
  });
});
