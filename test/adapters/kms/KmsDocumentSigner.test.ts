import { createHash, generateKeyPairSync, sign, verify } from 'node:crypto';
import { KMSClient, SignCommand } from '@aws-sdk/client-kms';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { KmsDocumentSigner } from '../../../functions/adapters/kms/KmsDocumentSigner.js';

const kms = mockClient(KMSClient);
const KEY_ARN = 'arn:aws-cn:kms:cn-north-1:123456789012:key/0b1c2d3e-0000-4000-8000-000000000000';
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const certificate = Uint8Array.of(0x30, 0x00);

beforeEach(() => kms.reset());

describe('KmsDocumentSigner', () => {
  it('sends KMS the SHA-256 digest to sign with PKCS#1 v1.5, and returns its signature', async () => {
    const message = Buffer.from('signed attributes');
    // KMS signing a digest with RSASSA_PKCS1_V1_5_SHA_256 gives what crypto.sign gives over the message.
    kms.on(SignCommand).resolves({ Signature: sign('sha256', message, privateKey), KeyId: KEY_ARN });
    const signer = new KmsDocumentSigner(new KMSClient({ region: 'cn-north-1' }), KEY_ARN, [certificate]);
    const signature = await signer.sign(message);
    expect(kms.commandCalls(SignCommand).map((call) => call.args[0].input)).toEqual([
      {
        KeyId: KEY_ARN,
        Message: createHash('sha256').update(message).digest(),
        MessageType: 'DIGEST',
        SigningAlgorithm: 'RSASSA_PKCS1_V1_5_SHA_256',
      },
    ]);
    expect(verify('sha256', message, publicKey, signature)).toBe(true);
    expect(signer.certificateChain).toEqual([certificate]);
  });

  it('fails when KMS returns no signature, naming the key', async () => {
    kms.on(SignCommand).resolves({});
    const signer = new KmsDocumentSigner(new KMSClient({ region: 'cn-north-1' }), KEY_ARN, [certificate]);
    await expect(signer.sign(Uint8Array.of(1))).rejects.toThrow(`KMS key ${KEY_ARN}: Sign returned no signature`);
  });
});
