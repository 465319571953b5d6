import type { VerificationMark } from './VerificationMark.js';
import type { VerificationSecret } from './VerificationSecret.js';
import { verificationCode } from './verificationCode.js';

/** The mark of one document: its code, and the page that verifies it. */
export type MarkOf = (kind: string, version: number) => VerificationMark;

/**
 * The deployment's verification marks: its secret and the base URL of its verification page
 * (`verifyBaseUrl`: a custom domain, the API's address, or the local staff server's).
 */
export class VerificationMarks {
  readonly baseUrl: string;

  constructor(
    private readonly secret: VerificationSecret,
    baseUrl: string,
  ) {
    // One form of the address, so every document of a deployment prints the same URL shape.
    this.baseUrl = baseUrl.replace(/\/+$/, '');
  }

  /** The marks of a holder's documents (an award's record id, or `bulletin/<cut-off>`). */
  async of(holder: string): Promise<MarkOf> {
    const key = await this.secret.key();
    return (kind, version) => {
      const code = verificationCode(key, holder, kind, version);
      return { code, url: `${this.baseUrl}/verify/${code}` };
    };
  }
}
