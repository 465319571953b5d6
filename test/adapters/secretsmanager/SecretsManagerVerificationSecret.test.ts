import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import * as adapter from '../../../functions/adapters/secretsmanager/SecretsManagerVerificationSecret.js';
import { StoreError } from '../../../functions/adapters/StoreError.js';

const secrets = mockClient(SecretsManagerClient);
const { SecretsManagerVerificationSecret } = adapter;
const ARN = 'arn:aws-cn:secretsmanager:cn-north-1:111122223333:secret:Verification-abc';
const generated = `${'Zx3'.repeat(21)}q`;

beforeEach(() => secrets.reset());

describe('SecretsManagerVerificationSecret', () => {
  it('reads the generated string once, as the HMAC key’s bytes', async () => {
    secrets.on(GetSecretValueCommand).resolves({ SecretString: generated });
    const secret = new SecretsManagerVerificationSecret(new SecretsManagerClient({ region: 'cn-north-1' }), ARN);
    expect(Buffer.from(await secret.key()).toString('utf8')).toBe(generated);
    await secret.key();
    expect(secrets.commandCalls(GetSecretValueCommand)).toHaveLength(1);
    expect(secrets.commandCalls(GetSecretValueCommand)[0]!.args[0].input).toEqual({ SecretId: ARN });
  });

  it('tries again after a failed read, and refuses a secret too short to be one', async () => {
    secrets
      .on(GetSecretValueCommand)
      .rejectsOnce(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }))
      .resolvesOnce({ SecretString: 'short' });
    const secret = new SecretsManagerVerificationSecret(new SecretsManagerClient({ region: 'cn-north-1' }), ARN);
    await expect(secret.key()).rejects.toBeInstanceOf(StoreError);
    await expect(secret.key()).rejects.toThrow('5 bytes, at least 32 needed');
  });
});
