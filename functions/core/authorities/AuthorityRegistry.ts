import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { RecordFault } from '../errors.js';
import type { RegisteredAuthority } from './RegisteredAuthority.js';
import { authorityRegistrySchema } from './authorityRegistrySchema.js';

/** A registry file that is missing or malformed: the deployment's fault, named by key. */
export class AuthorityRegistryError extends Error {
  override name = 'AuthorityRegistryError';
}

/** The repository's registry, or AWARD_AUTHORITIES_FILE (a Lambda bundle ships its own copy). */
export function defaultRegistryFile(): string {
  return process.env.AWARD_AUTHORITIES_FILE ?? fileURLToPath(new URL('../../../authorities.json', import.meta.url));
}

/** How a record names its authority: by id, or by exact name; anything else it carries is checked. */
interface NamedAuthority {
  readonly id?: unknown;
  readonly name?: unknown;
  readonly code?: unknown;
  readonly sealText?: unknown;
}

/**
 * The authorities this deployment issues for. A record names one of them; its seal, numbering
 * code and signer are the registry's. A record naming another authority, or supplying its own
 * seal text or a different numbering code, is refused as the record's fault, naming `authority`.
 */
export class AuthorityRegistry {
  private static instance: AuthorityRegistry | undefined;

  /** The process-wide registry, from defaultRegistryFile(). */
  static shared(): AuthorityRegistry {
    AuthorityRegistry.instance ??= AuthorityRegistry.fromFile(defaultRegistryFile());
    return AuthorityRegistry.instance;
  }

  static fromFile(path: string): AuthorityRegistry {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new AuthorityRegistryError(`authority registry ${path}: ${(error as Error).message}`);
    }
    return AuthorityRegistry.fromJson(json, path);
  }

  static fromJson(json: unknown, source = 'authority registry'): AuthorityRegistry {
    const parsed = authorityRegistrySchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new AuthorityRegistryError(`${source}: ${issue.path.join('.')}: ${issue.message}`);
    }
    return new AuthorityRegistry(parsed.data.authorities as RegisteredAuthority[]);
  }

  constructor(readonly authorities: readonly RegisteredAuthority[]) {}

  /** The authority with this id or exact name. */
  find(idOrName: string): RegisteredAuthority | undefined {
    return this.authorities.find((entry) => entry.id === idOrName || entry.name === idOrName);
  }

  /**
   * The registered authority a record names, or a RecordFault naming `authority` and why. The
   * record's id, if any, is what is looked up; its name must then be the registry's too.
   */
  authorityOf(record: { readonly id: string; readonly authority?: NamedAuthority }): RegisteredAuthority {
    const named = record.authority ?? {};
    const refuse = (field: string, why: string): never => {
      throw new RecordFault(`record ${record.id}: ${field}: ${why}`, { recordId: record.id, field });
    };
    const key = typeof named.id === 'string' ? named.id : typeof named.name === 'string' ? named.name : undefined;
    if (key === undefined) return refuse('authority', 'names no authority (give its id or name)');
    const found = this.find(key);
    if (found === undefined)
      return refuse('authority', `"${key}" is not a registered authority of this deployment (${this.listed()})`);
    // (A record giving the id alone reads with the id as its name until resolved.)
    if (typeof named.name === 'string' && named.name !== found.name && named.name !== named.id)
      refuse('authority.name', `"${named.name}" is not the name registered for ${found.id} ("${found.name}")`);
    if (named.sealText !== undefined && named.sealText !== found.seal.text)
      refuse('authority.sealText', 'the seal comes from the authority registry: remove it from the record');
    if (named.code !== undefined && named.code !== found.numberingCode)
      refuse(
        'authority.code',
        `the numbering code comes from the authority registry (${found.numberingCode ?? 'none'}): remove it`,
      );
    return found;
  }

  /**
   * The record as its documents state it: the authority's name, numbering code and seal text the
   * registry's. Refused as authorityOf refuses.
   */
  resolve<T extends { readonly id: string; readonly authority?: NamedAuthority }>(record: T): T {
    const found = this.authorityOf(record);
    return {
      ...record,
      authority: {
        id: found.id,
        name: found.name,
        ...(found.numberingCode === undefined ? {} : { code: found.numberingCode }),
        sealText: found.seal.text,
      },
    };
  }

  private listed(): string {
    const names = this.authorities.map((entry) => entry.name);
    return names.length <= 4 ? names.join('、') : `${names.slice(0, 4).join('、')} and ${names.length - 4} more`;
  }
}
