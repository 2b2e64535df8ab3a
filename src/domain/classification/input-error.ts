/** An input that cannot be classified; the message is Vietnamese and meant for the person who sent the data. */
export class ClassificationInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ClassificationInputError';
  }
}
