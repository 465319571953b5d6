import type {
  ArchivedBulletin,
  BulletinArchive,
  NumberedBulletin,
} from '../../functions/core/statistics/compileKeptBulletin.js';
import { bulletinKey } from '../../functions/definitions/documentsBucket.js';

/** The bulletin archive in memory, kept as the bucket keeps it: by cut-off key, the JSON round-tripped. */
export class InMemoryBulletinArchive implements BulletinArchive {
  readonly pdfs = new Map<string, Uint8Array>();
  readonly ofds = new Map<string, Uint8Array>();
  readonly json = new Map<string, string>();
  /** Puts still to fail, as a crash between numbering and storing would leave it. */
  failingPuts = 0;

  async get(cutoff: string): Promise<ArchivedBulletin | undefined> {
    const text = this.json.get(bulletinKey(cutoff, 'json'));
    return text === undefined ? undefined : (JSON.parse(text) as ArchivedBulletin);
  }

  async latestBefore(cutoff: string): Promise<ArchivedBulletin | undefined> {
    const limit = bulletinKey(cutoff, 'json');
    const latest = [...this.json.keys()]
      .filter((key) => key < limit)
      .sort()
      .at(-1);
    return latest === undefined ? undefined : (JSON.parse(this.json.get(latest)!) as ArchivedBulletin);
  }

  async put(cutoff: string, { pdf, ofd }: { pdf: Uint8Array; ofd: Uint8Array }, bulletin: NumberedBulletin) {
    if (this.failingPuts > 0) {
      this.failingPuts -= 1;
      throw new Error(`storing the bulletin for ${cutoff}: the function was stopped`);
    }
    this.pdfs.set(bulletinKey(cutoff, 'pdf'), pdf);
    this.ofds.set(bulletinKey(cutoff, 'ofd'), ofd);
    this.json.set(bulletinKey(cutoff, 'json'), JSON.stringify(bulletin));
  }
}
