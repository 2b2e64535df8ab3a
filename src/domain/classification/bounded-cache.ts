/**
 * A numeric-key cache of immutable values that is emptied when it reaches its size limit, so memory
 * stays bounded whatever the input.
 */
export class BoundedCache<V> {
  readonly #map = new Map<number, V>();
  constructor(private readonly limit = 1 << 16) {}

  get(key: number): V | undefined {
    return this.#map.get(key);
  }

  set(key: number, value: V): void {
    if (this.#map.size >= this.limit) this.#map.clear();
    this.#map.set(key, value);
  }
}
