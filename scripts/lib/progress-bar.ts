// A progress bar on stderr, so stdout stays clean for the printed results. On a terminal it
// redraws one line; otherwise (CI logs, pipes) it prints a line every 10 % to keep logs short.

export class ProgressBar {
  private done = 0;
  private lastDecile = -1;
  private readonly startedAt = Date.now();
  private readonly tty = Boolean(process.stderr.isTTY);

  constructor(
    private readonly label: string,
    private readonly total: number,
    private readonly width = 30,
  ) {
    this.render();
  }

  tick(step = 1): void {
    this.done = Math.min(this.total, this.done + step);
    this.render();
  }

  /** Sets the absolute count, for callers that only redraw every so often. */
  update(done: number): void {
    this.done = Math.min(this.total, Math.max(this.done, done));
    this.render();
  }

  finish(note = ''): void {
    this.done = this.total;
    this.render(true);
    const secs = ((Date.now() - this.startedAt) / 1000).toFixed(1);
    process.stderr.write(`${this.tty ? '' : `${this.label}: `}done in ${secs} s${note ? `, ${note}` : ''}\n`);
  }

  private render(force = false): void {
    const ratio = this.total === 0 ? 1 : this.done / this.total;
    if (!this.tty) {
      const decile = Math.floor(ratio * 10);
      if (decile === this.lastDecile && !force) return;
      this.lastDecile = decile;
      if (!force) process.stderr.write(`${this.label}: ${this.done}/${this.total}\n`);
      return;
    }
    const filled = Math.round(ratio * this.width);
    const bar = '█'.repeat(filled) + '░'.repeat(this.width - filled);
    const pct = `${Math.round(ratio * 100)}`.padStart(3);
    process.stderr.write(`\r${this.label.padEnd(22)} ${bar} ${pct}% ${this.done}/${this.total} `);
  }
}
