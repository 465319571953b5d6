/** Marks a clerk may type at the end of a phrase, full-width or ASCII (with any trailing space). */
const FINAL_MARKS = /[，。；、：！？…,.;:!?\s]+$/u;
/** Marks that end a sentence: a value ending in one is not given a second (typography.md §6). */
const SENTENCE_END = /[。！？…]$/u;

/** A phrase the sentence goes on from: 表现突出！ joined by "，" would stand as 表现突出！，. */
export function withoutFinalMark(phrase: string): string {
  return phrase.replace(FINAL_MARKS, '');
}

/** A sentence as printed: 特此通报 → 特此通报。, while 特此通报！ and 特此通报。 stay as they are. */
export function endSentence(sentence: string): string {
  const trimmed = sentence.trimEnd();
  return SENTENCE_END.test(trimmed) ? trimmed : `${withoutFinalMark(trimmed)}。`;
}
