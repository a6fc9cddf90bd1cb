import { searchTerms } from '../../../shared/text/vietnamese';

/**
 * Builds a WHERE clause from optional filters with named parameters (@w0, @w1, …), so it
 * composes with other named parameters in the same statement. Values never enter the SQL text.
 */
export class Where {
  private readonly parts: string[] = [];
  readonly params: Record<string, string | number> = {};
  private n = 0;

  private bind(value: string | number): string {
    const key = `w${this.n++}`;
    this.params[key] = value;
    return `@${key}`;
  }

  /** Add `sql` (one `?` placeholder) when `value` is set (not undefined, null, '' or 0). */
  when(value: string | number | undefined | null, sql: string): this {
    if (value !== undefined && value !== null && value !== '' && value !== 0) this.parts.push(sql.replace('?', this.bind(value)));
    return this;
  }

  /** Every folded search term must appear in one of `columns` (folded text columns). */
  search(query: string, columns: string[]): this {
    for (const term of searchTerms(query)) {
      const p = this.bind(term);
      this.parts.push(`(${columns.map((c) => `instr(${c}, ${p}) > 0`).join(' OR ')})`);
    }
    return this;
  }

  get sql(): string {
    return this.parts.length ? `WHERE ${this.parts.join(' AND ')}` : '';
  }
}
