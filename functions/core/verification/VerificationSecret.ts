/**
 * The deployment's verification secret, the key of every code's HMAC (verificationCode.ts): in
 * AWS a Secrets Manager secret the stack generates, locally a file under the stack's --data
 * folder. It must never change while documents carrying its codes exist: a new secret would
 * make new codes for the same documents, and the printed ones would no longer be found.
 */
export interface VerificationSecret {
  key(): Promise<Uint8Array>;
}

/** Fewer bytes than this are no secret worth the name: refused rather than used. */
export const MIN_SECRET_BYTES = 32;

export function checkedSecret(key: Uint8Array, source: string): Uint8Array {
  if (key.byteLength < MIN_SECRET_BYTES)
    throw new Error(`verification secret ${source}: ${key.byteLength} bytes, at least ${MIN_SECRET_BYTES} needed`);
  return key;
}
