import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SecretsManagerVerificationSecret } from '../adapters/secretsmanager/SecretsManagerVerificationSecret.js';
import { VerificationMarks } from '../core/verification/VerificationMarks.js';
import { requiredEnvironment } from '../requiredEnvironment.js';
import { AWS_CLIENT_CONFIG } from '../adapters/awsClientConfig.js';

/**
 * The verification marks of a function that makes documents (render, sweep, bulletin): the
 * stack's generated secret (VERIFICATION_SECRET_ID) and its verifyBaseUrl (VERIFY_BASE_URL).
 */
export function verificationMarksFromEnvironment(functionName: string): VerificationMarks {
  return new VerificationMarks(
    new SecretsManagerVerificationSecret(
      new SecretsManagerClient(AWS_CLIENT_CONFIG),
      requiredEnvironment('VERIFICATION_SECRET_ID', functionName),
    ),
    requiredEnvironment('VERIFY_BASE_URL', functionName),
  );
}
