/**
 * Group commit: calls that arrive while batches are being written wait and go together in the next
 * batch, so under load many requests share one transaction (one commit, multi-row inserts) while a
 * lone request is written at once, without added delay. Up to `concurrency` batches are written at
 * the same time. Each caller gets its own result or error.
 */
export class GroupCommit<T, R> {
  private queue: { item: T; resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];
  private inFlight = 0;

  constructor(
    private readonly write: (items: T[]) => Promise<(R | Error)[]>,
    private readonly maxBatch = 64,
    private readonly concurrency = 1,
  ) {}

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.concurrency && this.queue.length) {
      const batch = this.queue.splice(0, this.maxBatch);
      this.inFlight++;
      void this.run(batch).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  private async run(batch: typeof this.queue): Promise<void> {
    try {
      const results = await this.write(batch.map((b) => b.item));
      batch.forEach((b, i) => {
        const r = results[i];
        if (r instanceof Error) b.reject(r);
        else b.resolve(r as R);
      });
    } catch (err) {
      for (const b of batch) b.reject(err);
    }
  }
}
