import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { checkedSecret, type VerificationSecret } from '../../core/verification/VerificationSecret.js';
import { storeError } from '../StoreError.js';

/**
 * The verification secret from Secrets Manager (the stack generates it at deployment): its
 * SecretString's UTF-8 bytes are the HMAC key. Read once per container; a failed read is not
 * kept, so the next document tries again.
 */
export class SecretsManagerVerificationSecret implements VerificationSecret {
  private loading: Promise<Uint8Array> | undefined;

  constructor(
    private readonly client: SecretsManagerClient,
    private readonly secretId: string,
  ) {}

  key(): Promise<Uint8Array> {
    this.loading ??= this.load().catch((error: unknown) => {
      this.loading = undefined;
      throw error;
    });
    return this.loading;
  }

  private async load(): Promise<Uint8Array> {
    let secret: string | undefined;
    try {
      secret = (await this.client.send(new GetSecretValueCommand({ SecretId: this.secretId }))).SecretString;
    } catch (error) {
      throw storeError(`reading the verification secret ${this.secretId}`, error);
    }
    if (secret === undefined)
      throw new Error(`verification secret ${this.secretId}: no SecretString (the stack generates a string secret)`);
    return checkedSecret(new TextEncoder().encode(secret), this.secretId);
  }
}
