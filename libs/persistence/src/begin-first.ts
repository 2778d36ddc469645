/** What of pg's connection a submitted query writes to (the extended-protocol messages pg-cursor uses too). */
export interface Wire {
  parse(message: { text: string }): void;
  bind(message: object): void;
  execute(message: object): void;
  submittedNamedStatements: Record<string, string>;
  stream: { cork?(): void; uncork?(): void };
}

/** pg's Query as its client drives it, message by message. */
export interface Statement {
  name?: string;
  text: string;
  _result: unknown;
  submit(wire: Wire): Error | null;
  handleRowDescription(message: unknown): void;
  handleDataRow(message: unknown): void;
  handleCommandComplete(message: unknown, wire: Wire): void;
  handlePortalSuspended(wire: Wire): void;
  handleEmptyQuery(wire: Wire): void;
  handleError(err: unknown, wire: Wire): void;
  handleReadyForQuery(wire: Wire): void;
  handleCopyInResponse(wire: Wire): void;
  handleCopyData(message: unknown, wire: Wire): void;
}

/**
 * A transaction's BEGIN written together with its first statement, with no Sync between them: the
 * server runs both on one wake-up and answers once, where a BEGIN of its own costs a round trip of
 * its own. BEGIN's answers (parsed, bound, complete) come first and are not the statement's.
 *
 * The statement given must be one pg's `submit` accepts (text, values an array, a name of its own),
 * since the BEGIN is already on the wire when it is checked.
 */
export class BeginFirst {
  private begun = false;

  constructor(
    private readonly begin: string,
    private readonly statement: Statement,
  ) {}

  /** pg records a named statement as parsed at the first ParseComplete it sees: BEGIN's comes first. */
  get name(): string | undefined {
    return this.begun ? this.statement.name : undefined;
  }

  get text(): string {
    return this.statement.text;
  }

  get _result(): unknown {
    return this.statement._result;
  }

  submit(wire: Wire): Error | null {
    wire.stream.cork?.();
    try {
      wire.parse({ text: this.begin });
      wire.bind({});
      wire.execute({});
      return this.statement.submit(wire);
    } finally {
      wire.stream.uncork?.();
    }
  }

  handleCommandComplete(message: unknown, wire: Wire): void {
    if (this.begun) this.statement.handleCommandComplete(message, wire);
    this.begun = true;
  }

  handleError(err: unknown, wire: Wire): void {
    // pg forgets a failed statement's submission by the name we did not show it yet.
    if (!this.begun && this.statement.name) delete wire.submittedNamedStatements[this.statement.name];
    this.statement.handleError(err, wire);
  }

  handleRowDescription(message: unknown): void {
    this.statement.handleRowDescription(message);
  }

  handleDataRow(message: unknown): void {
    this.statement.handleDataRow(message);
  }

  handlePortalSuspended(wire: Wire): void {
    this.statement.handlePortalSuspended(wire);
  }

  handleEmptyQuery(wire: Wire): void {
    this.statement.handleEmptyQuery(wire);
  }

  handleReadyForQuery(wire: Wire): void {
    this.statement.handleReadyForQuery(wire);
  }

  handleCopyInResponse(wire: Wire): void {
    this.statement.handleCopyInResponse(wire);
  }

  handleCopyData(message: unknown, wire: Wire): void {
    this.statement.handleCopyData(message, wire);
  }
}
