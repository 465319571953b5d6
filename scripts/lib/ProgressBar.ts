/** A one-line progress bar on stderr; without a terminal (CI, pipes) it prints only the final state. */
export class ProgressBar {
  private last = '';

  constructor(
    private readonly total: number,
    private readonly label: string,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {}

  update(done: number, detail = ''): void {
    const width = 30;
    const filled = this.total === 0 ? width : Math.round((done / this.total) * width);
    const bar = `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}]`;
    const line = `${bar} ${done}/${this.total} ${this.label}${detail ? ` · ${detail}` : ''}`;
    if (line === this.last) return;
    this.last = line;
    if (this.stream.isTTY) this.stream.write(`\r${line}`);
  }

  finish(): void {
    this.stream.write(this.stream.isTTY ? '\n' : `${this.last}\n`);
  }
}
