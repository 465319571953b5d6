/** Finds awards whose documents lag behind their state, through an index of them rather than a scan. */
export interface LaggingAwards {
  /** The ids of awards lagging since before the given time (their last change was earlier). */
  idsChangedBefore(time: Date): AsyncIterable<string>;
}
