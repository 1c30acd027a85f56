/** Many operations at once, or one exclusive one (import, close) with none in flight. */
export class Gate {
  #active = 0;
  #drained: Array<() => void> = [];
  #exclusive: Promise<void> | undefined;

  async shared<T>(task: () => Promise<T>): Promise<T> {
    while (this.#exclusive) await this.#exclusive;
    this.#active++;
    try {
      return await task();
    } finally {
      if (--this.#active === 0) for (const wake of this.#drained.splice(0)) wake();
    }
  }

  async exclusive<T>(task: () => Promise<T>): Promise<T> {
    while (this.#exclusive) await this.#exclusive;
    let release = (): void => undefined;
    this.#exclusive = new Promise<void>((resolve) => (release = resolve));
    try {
      if (this.#active > 0) await new Promise<void>((resolve) => this.#drained.push(resolve));
      return await task();
    } finally {
      this.#exclusive = undefined;
      release();
    }
  }
}
