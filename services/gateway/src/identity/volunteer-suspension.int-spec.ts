import { createEvent, toKafkaRecord, VolunteerStatusChanged } from '@bangbang/contracts';
import { testKafka, waitFor } from '@bangbang/testing';
import { passwordOf, startGateway, TestGateway } from '../../test/gateway-harness';

/** A volunteer suspended in the volunteer service signs in nowhere until reinstated (issue 12, finding 9). */
describe('volunteer suspension at the gateway', () => {
  let gw: TestGateway;
  const producer = testKafka().producer();

  beforeAll(async () => {
    gw = await startGateway();
    await producer.connect();
  });

  afterAll(async () => {
    await producer.disconnect();
    await gw?.stop();
  });

  const account = {
    username: 'zhao.volunteer',
    password: 'a-long-enough-password',
    displayName: '赵志愿',
    phone: '13812345679',
    communityCode: 'jincheng',
  };
  const login = () =>
    gw.app.inject({ method: 'POST', url: '/auth/login', payload: { username: account.username, password: account.password } });
  const refresh = (refreshToken: string) => gw.app.inject({ method: 'POST', url: '/auth/refresh', payload: { refreshToken } });
  const statusChanged = (volunteerId: string, to: 'suspended' | 'approved') =>
    producer.send({
      topic: `${gw.prefix}${VolunteerStatusChanged.topic}`,
      messages: [
        toKafkaRecord(
          createEvent(VolunteerStatusChanged.source, {
            type: VolunteerStatusChanged.type,
            subject: volunteerId,
            data: {
              volunteerId,
              orgPath: '/nanchang/jinxing/jincheng/',
              to,
              reason: `${to} by the community office`,
              by: 'admin-jincheng',
              at: new Date().toISOString(),
            },
          }),
        ),
      ],
    });

  it('disables the account and ends its sessions on suspension, and opens it again on reinstatement', async () => {
    const signedUp = await gw.app.inject({ method: 'POST', url: '/auth/volunteers', payload: account });
    expect(signedUp.statusCode).toBe(202);
    const volunteerId = (await gw.ds.query('SELECT id FROM staff_user WHERE username = $1', [account.username]))[0].id;
    const session = (await login()).json();

    await statusChanged(volunteerId, 'suspended');
    const refused = await waitFor(
      async () => {
        const res = await login();
        return res.statusCode === 401 && res;
      },
      { what: 'the suspended volunteer to be refused' },
    );
    expect(refused.json().message).toBe('wrong username or password');
    expect((await refresh(session.refreshToken)).statusCode).toBe(401);

    await statusChanged(volunteerId, 'approved');
    await waitFor(async () => (await login()).statusCode === 200, { what: 'the reinstated volunteer to sign in' });
    // A staff account of the same id would not be touched by a volunteer fact.
    const [staff] = await gw.ds.query(`SELECT id FROM staff_user WHERE username = 'jincheng.admin'`);
    await statusChanged(staff.id, 'suspended');
    await statusChanged(volunteerId, 'suspended');
    await waitFor(async () => (await login()).statusCode === 401, { what: 'the second suspension' });
    expect(
      (
        await gw.app.inject({
          method: 'POST',
          url: '/auth/login',
          payload: { username: 'jincheng.admin', password: passwordOf('jincheng.admin') },
        })
      ).statusCode,
    ).toBe(200);
  });
});
