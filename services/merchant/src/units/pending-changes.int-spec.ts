import { AuditRecorded, MerchantProviderProfile } from '@bangbang/contracts';
import { merchant, MerchantHarness, OTHER_STREET_ADMIN, startMerchant, STREET_ADMIN } from '../../test/merchant-harness';

/**
 * A unit's name goes into residents' SMS ("已由…接单") and its categories decide whose contacts it
 * receives: both take effect only once an admin of the unit's scope approves them (issue 12, finding 8).
 */
describe('display names and new categories wait for an admin', () => {
  let h: MerchantHarness;

  beforeAll(async () => {
    h = await startMerchant();
  });

  afterAll(() => h?.stop());

  const latestProfile = (unitId: string): Promise<{ displayName: string; categories: string[]; version: number }> =>
    h.ds
      .query('SELECT payload::jsonb AS data FROM outbox WHERE type = $1 AND key = $2 ORDER BY seq DESC LIMIT 1', [
        MerchantProviderProfile.type,
        unitId,
      ])
      .then(([r]) => r.data);
  const audits = (unitId: string): Promise<string[]> =>
    h.ds
      .query(`SELECT payload::jsonb ->> 'action' AS action FROM outbox WHERE type = $1 AND key = $2 ORDER BY seq`, [
        AuditRecorded.merchant.type,
        unitId,
      ])
      .then((rows) => rows.map((r: { action: string }) => r.action));

  it("keeps a unit's new name pending: events and the directory carry the verified one until an admin approves", async () => {
    const id = await h.activeUnit('Honest Plumbing');
    const phishing = '街道办官方 请速回电4001234567';
    const renamed = await h.call(merchant(id), 'PATCH', '/me', { displayName: phishing, contactName: '李师傅' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ displayName: 'Honest Plumbing', pendingDisplayName: phishing, contactName: '李师傅' });
    expect((await latestProfile(id)).displayName).toBe('Honest Plumbing');
    expect((await h.call(STREET_ADMIN, 'GET', '/public/units/' + id)).json().displayName).toBe('Honest Plumbing');

    expect((await h.call(OTHER_STREET_ADMIN, 'POST', `/units/${id}/display-name/approve`, { reason: 'looks fine' })).statusCode).toBe(404);
    expect((await h.call(merchant(id), 'POST', `/units/${id}/display-name/approve`, { reason: 'me' })).statusCode).toBe(403);
    const queue = (await h.call(STREET_ADMIN, 'GET', '/units/pending')).json();
    expect(queue.find((u: { id: string }) => u.id === id)).toMatchObject({
      displayName: 'Honest Plumbing',
      pendingDisplayName: phishing,
      pendingCategories: [],
    });
    expect((await h.call(OTHER_STREET_ADMIN, 'GET', '/units/pending')).json().map((u: { id: string }) => u.id)).not.toContain(id);
    const rejected = await h.call(STREET_ADMIN, 'POST', `/units/${id}/display-name/reject`, { reason: 'impersonates the street office' });
    expect(rejected.statusCode).toBe(201);
    expect(rejected.json()).toMatchObject({ displayName: 'Honest Plumbing', pendingDisplayName: null });
    expect((await latestProfile(id)).displayName).toBe('Honest Plumbing');
    expect((await h.call(STREET_ADMIN, 'POST', `/units/${id}/display-name/approve`, { reason: 'nothing pending' })).statusCode).toBe(409);

    await h.call(merchant(id), 'PATCH', '/me', { displayName: 'Honest Plumbing & Heating' });
    const approved = await h.call(STREET_ADMIN, 'POST', `/units/${id}/display-name/approve`, { reason: 'licence covers heating' });
    expect(approved.statusCode).toBe(201);
    expect(approved.json()).toMatchObject({ displayName: 'Honest Plumbing & Heating', pendingDisplayName: null });
    expect((await latestProfile(id)).displayName).toBe('Honest Plumbing & Heating');
    expect(await audits(id)).toEqual(expect.arrayContaining(['partner-unit.display-name-rejected', 'partner-unit.display-name-approved']));
  });

  it('keeps a category the unit adds itself out of dispatch and the directory until an admin approves it', async () => {
    const id = await h.activeUnit('Care Seekers');
    const added = await h.call(merchant(id), 'PUT', '/me/offerings/elderly-care', { description: 'home visits', priceMinFen: 5_000 });
    expect(added.statusCode).toBe(200);
    expect(added.json()).toMatchObject({ categoryCode: 'elderly-care', approved: false });
    // A price change on an approved category needs no review.
    const repriced = await h.call(merchant(id), 'PUT', '/me/offerings/water-electric-repair', { description: 'taps', priceMinFen: 2_500 });
    expect(repriced.json()).toMatchObject({ approved: true, priceMinFen: 2_500 });
    expect((await latestProfile(id)).categories).toEqual(['water-electric-repair']);
    const listed = (await h.call(STREET_ADMIN, 'GET', '/public/units?category=elderly-care')).json();
    expect(listed.map((u: { id: string }) => u.id)).not.toContain(id);
    expect(
      (await h.call(STREET_ADMIN, 'GET', `/public/units/${id}`)).json().offerings.map((o: { categoryCode: string }) => o.categoryCode),
    ).toEqual(['water-electric-repair']);

    const queue = (await h.call(STREET_ADMIN, 'GET', '/units/pending')).json();
    expect(queue.find((u: { id: string }) => u.id === id)).toMatchObject({ pendingDisplayName: null, pendingCategories: ['elderly-care'] });
    expect((await h.call(OTHER_STREET_ADMIN, 'POST', `/units/${id}/offerings/elderly-care/approve`, { reason: 'ok' })).statusCode).toBe(
      404,
    );
    const approved = await h.call(STREET_ADMIN, 'POST', `/units/${id}/offerings/elderly-care/approve`, {
      reason: 'registered care provider',
    });
    expect(approved.statusCode).toBe(201);
    expect(approved.json()).toMatchObject({ categoryCode: 'elderly-care', approved: true });
    expect((await h.call(STREET_ADMIN, 'GET', '/units/pending')).json().map((u: { id: string }) => u.id)).not.toContain(id);
    expect((await latestProfile(id)).categories).toEqual(['elderly-care', 'water-electric-repair']);

    await h.call(merchant(id), 'PUT', '/me/offerings/home-nursing', { description: 'injections', priceMinFen: 3_000 });
    const rejected = await h.call(STREET_ADMIN, 'POST', `/units/${id}/offerings/home-nursing/reject`, { reason: 'no medical licence' });
    expect(rejected.statusCode).toBe(204);
    expect((await h.call(merchant(id), 'GET', '/me/offerings')).json().map((o: { categoryCode: string }) => o.categoryCode)).toEqual([
      'elderly-care',
      'water-electric-repair',
    ]);
    expect(
      (await h.call(STREET_ADMIN, 'POST', `/units/${id}/offerings/elderly-care/reject`, { reason: 'already approved' })).statusCode,
    ).toBe(409);
    expect(await audits(id)).toEqual(expect.arrayContaining(['offering.approved', 'offering.rejected']));
  });
});
