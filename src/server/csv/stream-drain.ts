/**
 * Back-pressure for streamed downloads: a writer waits here whenever the destination's buffer is full,
 * so a slow client slows the database reads down instead of letting the output pile up in memory.
 * A destination closed or failed before it drains (the client went away) ends the wait with an error.
 */
import type { Writable } from 'node:stream';

export class DestinationClosedError extends Error {
  constructor() {
    super('Nơi nhận tệp đã đóng trước khi xuất xong (người dùng huỷ tải về).');
    this.name = 'DestinationClosedError';
  }
}

/** Resolves once `out` can take more data (at once when its buffer is below the high-water mark). */
export function whenWritable(out: Writable): Promise<void> {
  if (out.destroyed || out.writableEnded) return Promise.reject(new DestinationClosedError());
  if (!out.writableNeedDrain) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = (err?: Error) => {
      out.off('drain', onDrain);
      out.off('close', onClose);
      out.off('error', onError);
      if (err) reject(err);
      else resolve();
    };
    const onDrain = () => done();
    const onClose = () => done(new DestinationClosedError());
    const onError = (err: Error) => done(err);
    out.on('drain', onDrain);
    out.on('close', onClose);
    out.on('error', onError);
  });
}
