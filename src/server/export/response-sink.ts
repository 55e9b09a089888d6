import type { Response } from 'express';

/** The client went away mid-export: stop walking, nothing to answer. */
export class ClientGone extends Error {
  constructor() {
    super('client closed the connection');
  }
}

/**
 * Text written to an HTTP response in chunks of about `flushAt` characters, waiting for 'drain'
 * whenever the socket's buffer is full (backpressure), so a slow reader slows the walk instead
 * of the server buffering the export. Rejects with {@link ClientGone} once the response closes.
 */
export class ResponseSink {
  private parts: string[] = [];
  private size = 0;
  private closed = false;

  constructor(
    private readonly res: Response,
    private readonly flushAt = 64 * 1024,
  ) {
    res.once('close', () => {
      this.closed = true;
    });
  }

  /** Buffers `text`; a promise (to await before writing more) only when the buffer was flushed. */
  write(text: string): Promise<void> | undefined {
    if (text === '') return undefined;
    this.parts.push(text);
    this.size += text.length;
    return this.size >= this.flushAt ? this.flush() : undefined;
  }

  /** Writes what is buffered and ends the response. */
  async end(): Promise<void> {
    await this.flush();
    this.res.end();
  }

  private async flush(): Promise<void> {
    if (this.closed) throw new ClientGone();
    if (this.size === 0) return;
    const chunk = this.parts.join('');
    this.parts = [];
    this.size = 0;
    if (!this.res.write(chunk)) await this.drained();
  }

  private drained(): Promise<void> {
    return new Promise((resolve, reject) => {
      const done = (gone: boolean) => () => {
        this.res.off('drain', onDrain);
        this.res.off('close', onClose);
        if (gone) reject(new ClientGone());
        else resolve();
      };
      const onDrain = done(false);
      const onClose = done(true);
      this.res.once('drain', onDrain);
      this.res.once('close', onClose);
    });
  }
}
