/** What a caller asked the links API, as it came: method, path and query string parameters. */
export interface AskedRequest {
  readonly method: string;
  readonly path: string;
  readonly query?: Readonly<Record<string, string>>;
}

/**
 * One line of the audit trail: who asked for which document, when, and what they were given, and
 * who decided what about an award. A link handed out is recorded before the caller gets it; a
 * refusal is recorded as well, and every request refused (or answered with an empty list for
 * being out of the caller's scope) is one `request-refused` line saying what was asked.
 */
export interface AuditEntry {
  /** When the answer was given (ISO 8601). */
  readonly at: string;
  readonly action: 'link-issued' | 'link-refused' | 'request-refused' | 'award-decided';
  /** For a decision: what was decided (approve, return, reject, revoke, submit, correct, deliver). */
  readonly decision?: string;
  /** For a decision: the decider's name, beside their subject. */
  readonly name?: string;
  /** For a decision: the award's version it was about. */
  readonly version?: number;
  /** The caller's subject (the token's `sub`); absent when no verified token came with the request. */
  readonly subject?: string;
  /** Whom the caller speaks for: a 盟市, or the department. */
  readonly scope?: string;
  /** On a `request-refused` line: what was asked. */
  readonly request?: AskedRequest;
  /** The award (or `bulletin <cut-off>`) asked for. */
  readonly recordId?: string;
  readonly key?: string;
  readonly sha256?: string;
  /** Until when the link works. */
  readonly expiresAt?: string;
  /** The HTTP status of the answer. */
  readonly status: number;
  /** Why nothing was handed out, or why the decision was made. */
  readonly reason?: string;
}

/** Where audit lines go: written whatever the log level, kept apart from the operational logs. */
export interface AuditTrail {
  record(entry: AuditEntry): Promise<void>;
}
