import { describe, expect, it } from 'vitest';
import { VerificationService } from '../../../functions/core/verification/VerificationService.js';
import type { AwardStanding, VerifiedDocument } from '../../../functions/core/verification/VerifiedDocument.js';

const CODE = 'AAAAA-BBBBB-CCCCC-DDDDD';
const certificate: VerifiedDocument = {
  code: CODE,
  recordId: 'merit-he-xia',
  kind: 'certificate',
  version: 1,
  sha256: 'a'.repeat(64),
  title: '荣誉证书',
  authority: '内蒙古自治区公安厅',
  issuedAt: '2020-02-05T10:00:00+08:00',
  recipient: '贺*',
};

function service(documents: VerifiedDocument[], standing?: AwardStanding) {
  const looked: string[] = [];
  return {
    looked,
    service: new VerificationService({
      index: {
        find: async (code) => {
          looked.push(code);
          return documents.find((document) => document.code === code);
        },
        record: async () => {},
      },
      awards: { standingOf: async () => standing },
    }),
  };
}

describe('VerificationService', () => {
  it('says an approved award’s current document is valid, with what it prints and no record id', async () => {
    const { service: verification } = service([certificate], { status: 'APPROVED', version: 1 });
    const answer = await verification.verify(CODE.toLowerCase());
    expect(answer).toEqual({
      status: 'valid',
      code: CODE,
      kind: 'certificate',
      version: 1,
      sha256: 'a'.repeat(64),
      title: '荣誉证书',
      authority: '内蒙古自治区公安厅',
      issuedAt: '2020-02-05T10:00:00+08:00',
      recipient: '贺*',
    });
    expect(JSON.stringify(answer)).not.toContain('merit-he-xia');
  });

  it('says revoked, with the day, as soon as the award is', async () => {
    const { service: verification } = service([certificate], {
      status: 'REVOKED',
      version: 1,
      revokedAt: '2020-03-01T09:00:00+08:00',
    });
    expect(await verification.verify(CODE)).toMatchObject({
      status: 'revoked',
      revokedAt: '2020-03-01T09:00:00+08:00',
    });
  });

  it('says superseded, naming the current version, once the award is corrected', async () => {
    const { service: verification } = service([certificate], { status: 'APPROVED', version: 3 });
    expect(await verification.verify(CODE)).toMatchObject({ status: 'superseded', currentVersion: 3, version: 1 });
  });

  it('says a bulletin is valid without reading any award', async () => {
    const bulletin = { ...certificate, recordId: undefined, holder: 'bulletin/2020-03-05T00:00:00Z' };
    const { service: verification } = service([bulletin]);
    const answer = await verification.verify(CODE);
    expect(answer).toMatchObject({ status: 'valid' });
    expect(answer).not.toHaveProperty('holder');
  });

  it('finds nothing for an unknown code, a malformed one (without a lookup), or an award that is gone', async () => {
    const { service: verification, looked } = service([certificate]);
    expect(await verification.verify('AAAAA-BBBBB-CCCCC-DDDDE')).toEqual({ status: 'not-found' });
    expect(await verification.verify('AAAAA-BBBBB')).toEqual({ status: 'not-found' });
    expect(await verification.verify(CODE)).toEqual({ status: 'not-found' });
    expect(looked).toEqual(['AAAAA-BBBBB-CCCCC-DDDDE', CODE]);
  });
});
