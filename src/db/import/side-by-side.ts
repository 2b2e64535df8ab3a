/**
 * Work run side by side on several connections: every piece is let end before a failure is thrown, so no
 * statement is still running on a connection that the caller goes on to reset, release or clean up after.
 */
export async function sideBySide<T>(pieces: ReadonlyArray<Promise<T>>): Promise<T[]> {
  const outcomes = await Promise.allSettled(pieces);
  const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
  if (failed) throw failed.reason;
  return outcomes.map((o) => (o as PromiseFulfilledResult<T>).value);
}
