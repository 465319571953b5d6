import { execFileSync } from 'node:child_process';
import { constants, privateEncrypt } from 'node:crypto';
import { KMSClient, SignCommand } from '@aws-sdk/client-kms';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import {
  BatchGetCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { figuresOfCounters } from '../../../functions/core/statistics/counters.js';
import { LEAGUES_AND_CITIES } from '../../../functions/core/records/index.js';
import { testKeyAndCertificate } from '../../support/developmentSignerForTests.js';
import { toTempFile } from '../../support/poppler.js';

const ddb = mockClient(DynamoDBDocumentClient);
const s3 = mockClient(S3Client);
const secrets = mockClient(SecretsManagerClient);
const kms = mockClient(KMSClient);
/** The KMS key, played by a local one: KMS signs a SHA-256 digest as PKCS#1 v1.5 over its DigestInfo. */
const { privateKey, certificate } = testKeyAndCertificate({
  commonName: 'KMS 签名密钥（测试）',
  organization: '内蒙古自治区公安厅',
});
const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex');
const pem = `-----BEGIN CERTIFICATE-----\n${Buffer.from(certificate).toString('base64')}\n-----END CERTIFICATE-----\n`;
const ENVIRONMENT = {
  VERIFICATION_SECRET_ID: 'arn:aws-cn:secretsmanager:cn-north-1:111122223333:secret:Verification-abc',
  VERIFY_BASE_URL: 'https://verify.example.org',
  AWARDS_TABLE_NAME: 'awards',
  DOCUMENTS_BUCKET_NAME: 'documents',
  AUTHORITY_NAME: '内蒙古自治区公安厅',
  AUTHORITY_CODE: '内公奖',
  AWS_REGION: 'cn-north-1',
  POWERTOOLS_LOG_LEVEL: 'SILENT',
  SIGNING_KEY_ID: 'arn:aws-cn:kms:cn-north-1:111122223333:key/signing',
  SIGNING_CERTIFICATE_CHAIN: pem,
};

/** The handler module as Lambda loads it, with the environment the stack gives it (less what is left out). */
async function loadHandler(without: readonly string[] = []) {
  vi.resetModules();
  for (const [name, value] of Object.entries(ENVIRONMENT)) vi.stubEnv(name, without.includes(name) ? '' : value);
  return (await import('../../../functions/bulletin/handler.js')).handler;
}

beforeEach(() => {
  ddb.reset();
  s3.reset();
  secrets.reset();
  secrets.on(GetSecretValueCommand).resolves({ SecretString: 'k'.repeat(64) });
  kms.reset();
  kms.on(SignCommand).callsFake(({ Message }: { Message: Uint8Array }) => ({
    Signature: privateEncrypt(
      { key: privateKey, padding: constants.RSA_PKCS1_PADDING },
      Buffer.concat([SHA256_DIGEST_INFO, Message]),
    ),
  }));
});
afterEach(() => vi.unstubAllEnvs());

/** No bulletin archived yet, no number held, the code's counter at 40: the tables and bucket answer so. */
function storesNothingYet() {
  ddb
    .on(BatchGetCommand)
    .resolves({ Responses: { awards: [] } })
    .on(GetCommand)
    .resolves({})
    .on(GetCommand, { Key: { pk: 'COUNTER#内公奖#2020' } })
    .resolves({ Item: { pk: 'COUNTER#内公奖#2020', lastSerial: 40 } })
    .on(TransactWriteCommand)
    .resolves({})
    .on(PutCommand)
    .resolves({});
  s3.on(GetObjectCommand)
    .rejects(Object.assign(new Error('The specified key does not exist.'), { name: 'NoSuchKey' }))
    .on(ListObjectsV2Command)
    .resolves({ Contents: [] })
    .on(PutObjectCommand)
    .resolves({});
}

describe('the bulletin function', () => {
  it('refuses to start without the authority code that numbers the bulletin, naming the variable', async () => {
    await expect(loadHandler(['AUTHORITY_CODE'])).rejects.toThrow(
      'bulletin function: environment variable AUTHORITY_CODE is not set (the stack sets it)',
    );
  });

  it('numbers a new bulletin from the code’s sequence under conditions, and archives the number with it', async () => {
    storesNothingYet();
    const handler = await loadHandler();
    const result = await handler({ cutoff: '2020-03-05T00:00:00Z' });
    expect(result).toMatchObject({ documentNumber: '内公奖〔2020〕41号', compiled: true, signed: true });
    // The holder's number read first (none), then the counter; one transaction of three conditioned Puts.
    expect(ddb.commandCalls(GetCommand).map((call) => call.args[0].input.Key)).toEqual([
      { pk: 'HELD#bulletin/2020-03-05T00:00:00Z' },
      { pk: 'COUNTER#内公奖#2020' },
    ]);
    const items = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!.map((item) => item.Put!);
    expect(items.map((put) => [put.Item!.pk, put.ConditionExpression, put.ExpressionAttributeValues])).toEqual([
      ['COUNTER#内公奖#2020', 'lastSerial = :previous', { ':previous': 40 }],
      ['NUMBER#内公奖#2020#41', 'attribute_not_exists(pk)', undefined],
      ['HELD#bulletin/2020-03-05T00:00:00Z', 'attribute_not_exists(pk)', undefined],
    ]);
    const json = s3.commandCalls(PutObjectCommand).find((call) => call.args[0].input.Key!.endsWith('.json'))!;
    const archived = JSON.parse(json.args[0].input.Body as string);
    expect(archived).toMatchObject({
      cutoff: '2020-03-05T00:00:00Z',
      documentNumber: '内公奖〔2020〕41号',
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      ofdSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    // PDF, then the OFD beside it, then the figures: a bulletin is found only once all three are stored.
    expect(
      s3.commandCalls(PutObjectCommand).map((call) => [call.args[0].input.Key, call.args[0].input.ContentType]),
    ).toEqual([
      ['bulletins/20200305T000000Z.pdf', 'application/pdf'],
      ['bulletins/20200305T000000Z.ofd', 'application/ofd'],
      ['bulletins/20200305T000000Z.json', 'application/json'],
    ]);
    // Archived signed with the stack's KMS key, under the certificate from context.
    const pdf = s3.commandCalls(PutObjectCommand).find((call) => call.args[0].input.Key!.endsWith('.pdf'))!;
    const report = execFileSync('pdfsig', [toTempFile(pdf.args[0].input.Body as Uint8Array)], { encoding: 'utf8' });
    expect(report).toContain('Signature is Valid');
    expect(report).toContain('Signer Certificate Common Name: KMS 签名密钥（测试）');
    expect(kms.commandCalls(SignCommand)).toHaveLength(1);
    // Once archived, its verification code is recorded under its name, with the archived PDF's SHA-256.
    const [verification] = ddb.commandCalls(PutCommand).map((call) => call.args[0].input);
    expect(verification).toMatchObject({
      Item: {
        pk: expect.stringMatching(/^VERIFY#[A-Z2-7]{5}(-[A-Z2-7]{5}){3}$/),
        holder: 'bulletin/2020-03-05T00:00:00Z',
        kind: 'statistics-bulletin',
        sha256: archived.sha256,
        ofdSha256: archived.ofdSha256,
        documentNumber: '内公奖〔2020〕41号',
      },
      ConditionExpression: expect.stringContaining('attribute_not_exists(pk)'),
    });
  });

  it('answers with the latest bulletin of the day, its keys and 文号, when its figures are still kept', async () => {
    storesNothingYet();
    // The table keeps no counters: every figure is zero, as in the bulletin archived at 8 o'clock.
    const zero = figuresOfCounters({});
    const latest = {
      cutoff: '2020-03-05T00:00:00Z',
      region: zero,
      byLeague: Object.fromEntries(LEAGUES_AND_CITIES.map((league) => [league, zero])),
      period: zero,
      documentNumber: '内公奖〔2020〕40号',
    };
    const archived = ['json', 'ofd', 'pdf'].map((format) => ({ Key: `bulletins/20200305T000000Z.${format}` }));
    s3.on(ListObjectsV2Command)
      .resolves({ Contents: archived })
      .on(GetObjectCommand, { Key: 'bulletins/20200305T000000Z.json' })
      .resolves({ Body: { transformToString: async () => JSON.stringify(latest) } as never });
    const handler = await loadHandler();
    const result = await handler({ cutoff: '2020-03-05T04:00:00Z' });
    expect(result).toMatchObject({
      cutoff: '2020-03-05T04:00:00Z',
      documentNumber: '内公奖〔2020〕40号',
      compiled: false,
      unchangedSince: '2020-03-05T00:00:00Z',
      pdf: 'bulletins/20200305T000000Z.pdf',
      json: 'bulletins/20200305T000000Z.json',
    });
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
    expect(s3.commandCalls(PutObjectCommand)).toHaveLength(0);
    expect(kms.commandCalls(SignCommand)).toHaveLength(0);
  });

  it('without a signing certificate, stores the bulletin unsigned and counts it for the alarm', async () => {
    storesNothingYet();
    const addMetric = vi.spyOn(Metrics.prototype, 'addMetric');
    vi.spyOn(Metrics.prototype, 'publishStoredMetrics').mockReturnValue(undefined as never);
    const handler = await loadHandler(['SIGNING_CERTIFICATE_CHAIN']);
    const result = await handler({ cutoff: '2020-03-05T00:00:00Z' });
    expect(result).toMatchObject({ compiled: true, signed: false });
    const pdf = s3.commandCalls(PutObjectCommand).find((call) => call.args[0].input.Key!.endsWith('.pdf'))!;
    expect(Buffer.from(pdf.args[0].input.Body as Uint8Array).toString('latin1')).not.toContain('/Type /Sig');
    expect(kms.commandCalls(SignCommand)).toHaveLength(0);
    expect(addMetric).toHaveBeenCalledWith('UnsignedDocuments', 'Count', 1);
  });
});
