import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { AuthoritySigners } from '../functions/core/signing/AuthoritySigners.js';
import type { KeyObjectSigner } from '../functions/core/signing/KeyObjectSigner.js';
import { developmentSigner } from './developmentSigner.js';

/**
 * The local stack's signer of each authority: a development key and a self-signed certificate
 * whose subject names the authority, made on first use under `<signingDir>/<authority id>/` and
 * kept, so a restart signs with the same keys.
 */
export class DevelopmentSigners implements AuthoritySigners {
  private readonly signers = new Map<string, KeyObjectSigner>();

  constructor(private readonly signingDir: string) {}

  signerFor(authority: { readonly id?: string; readonly name: string }): KeyObjectSigner {
    // An authority named without an id (a document that is not a record's) keeps a folder by its name's hash.
    const folder = authority.id ?? `name-${createHash('sha256').update(authority.name).digest('hex').slice(0, 12)}`;
    let signer = this.signers.get(folder);
    if (signer === undefined) {
      signer = developmentSigner(join(this.signingDir, folder), authority.name);
      this.signers.set(folder, signer);
    }
    return signer;
  }
}
