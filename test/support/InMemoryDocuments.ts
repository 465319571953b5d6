import type { DocumentRepository, StoredDocument } from '../../functions/core/pipeline/ports.js';

/** The documents bucket in memory: what was stored, and which keys are tagged withdrawn. */
export class InMemoryDocuments implements DocumentRepository {
  readonly objects = new Map<string, StoredDocument>();
  readonly withdrawn = new Set<string>();

  async put(document: StoredDocument): Promise<'stored' | 'already-stored'> {
    if (this.objects.get(document.key)?.sha256 === document.sha256) return 'already-stored';
    this.objects.set(document.key, document);
    return 'stored';
  }

  async markWithdrawn(key: string): Promise<void> {
    if (!this.objects.has(key)) throw new Error(`no object ${key} to tag`);
    this.withdrawn.add(key);
  }
}
