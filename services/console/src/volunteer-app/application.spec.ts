import { applicationBody } from './application';

describe('the volunteer application', () => {
  it('sends each certificate good through its last day in China time, trimmed, with any-time availability', () => {
    const body = applicationBody(' 陈美发 ', '/nanchang/jinxing/jincheng/', [
      { categoryCode: 'home-haircut', certificateName: ' 美发师职业资格证书', certificateNumber: 'MF3202001717 ', expiresOn: '2027-11-30' },
    ]);
    expect(body).toEqual({
      displayName: '陈美发',
      homeCommunityPath: '/nanchang/jinxing/jincheng/',
      specialties: [
        {
          categoryCode: 'home-haircut',
          certificate: { name: '美发师职业资格证书', number: 'MF3202001717', expiresAt: '2027-11-30T15:59:59.000Z' },
        },
      ],
      availability: { always: true, windows: [] },
    });
  });

  it('lets a general volunteer apply with no specialty', () => {
    expect(applicationBody('王芳', '/nanchang/jinxing/jincheng/', []).specialties).toEqual([]);
  });
});
