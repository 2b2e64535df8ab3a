/** Row errors of an import: Vietnamese, naming the spreadsheet row (header = row 1) and the column. */

export interface ImportRowError {
  /** Row number in the file as a spreadsheet shows it (the header is row 1); null for file-level errors. */
  row: number | null;
  column: string | null;
  message: string;
}

export function rowError(row: number | null, column: string | null, text: string): ImportRowError {
  const where = row === null ? '' : column ? `Dòng ${row}, cột ${column}: ` : `Dòng ${row}: `;
  return { row, column, message: `${where}${text}` };
}

/** Thrown inside the applying transaction to roll it back and return the errors to the caller. */
export class ImportRowErrors extends Error {
  override name = 'ImportRowErrors';
  constructor(readonly errors: ImportRowError[]) {
    super(errors.map((e) => e.message).join('\n'));
  }
}

/** Collects errors up to a cap, so a wholly wrong file yields a readable list rather than thousands of lines. */
export class ErrorList {
  readonly items: ImportRowError[] = [];
  overflow = 0;
  constructor(private readonly cap = 200) {}

  add(row: number | null, column: string | null, text: string): void {
    if (this.items.length < this.cap) this.items.push(rowError(row, column, text));
    else this.overflow++;
  }

  get count(): number {
    return this.items.length + this.overflow;
  }

  /** The errors, with a closing line counting those left out. */
  list(): ImportRowError[] {
    return this.overflow ? [...this.items, rowError(null, null, `… và ${this.overflow} lỗi khác.`)] : this.items;
  }
}
