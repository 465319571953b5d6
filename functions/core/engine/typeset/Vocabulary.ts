/**
 * ICU's dictionary segmenter: it knows common words (关于, 工作, 领导) but splits many of the
 * domain's (内/蒙古, 公安/厅, 区分/局), so the document's own words are laid over it.
 */
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Whether a text may break at an offset (UTF-16) between two of its characters. */
export interface WordBoundaries {
  has(offset: number): boolean;
}

/**
 * The words a document never breaks inside: the domain's terms and the record's names and
 * units (<words>), indexed by their first character so a text is scanned once.
 */
export class Vocabulary {
  private readonly byFirst = new Map<string, string[]>();

  constructor(words: readonly string[]) {
    for (const word of new Set(words)) {
      if (word.length < 2) continue;
      const list = this.byFirst.get(word[0]!) ?? [];
      list.push(word);
      this.byFirst.set(word[0]!, list);
    }
  }

  /**
   * The offsets (UTF-16, in `text`) between words, where a title or a wrapped name may break
   * (GB/T 9704 §7.3.3, 词意完整). Known words' edges are boundaries and their insides are not —
   * also where a shorter word ends inside a longer one (公安局 inside …市公安局海拉尔区分局);
   * words longer than `maxLength` cannot be kept whole and are ignored. Between known words,
   * ICU's segmenter decides (`dictionary`), or — for names and units, where a general
   * dictionary knows little and costs ~100 µs a cell — every character boundary stands.
   */
  boundaries(text: string, { dictionary, maxLength }: { dictionary: boolean; maxLength: number }): WordBoundaries {
    // Offsets inside a known word, and the edges of known words.
    const inside = new Set<number>();
    const edges = new Set<number>();
    for (let at = 0; at < text.length; at++) {
      const candidates = this.byFirst.get(text[at]!);
      if (candidates === undefined) continue;
      for (const word of candidates) {
        if (word.length > maxLength || !text.startsWith(word, at)) continue;
        edges.add(at);
        edges.add(at + word.length);
        for (let offset = at + 1; offset < at + word.length; offset++) inside.add(offset);
      }
    }
    const segments = dictionary ? new Set<number>() : undefined;
    if (segments) for (const { index } of segmenter.segment(text)) segments.add(index);
    return {
      has: (offset) =>
        offset > 0 &&
        offset < text.length &&
        !inside.has(offset) &&
        (segments === undefined || segments.has(offset) || edges.has(offset)),
    };
  }
}

export const NO_WORDS = new Vocabulary([]);
