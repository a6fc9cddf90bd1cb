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

  /**
   * The clerk's search of a list of accounts (issue 18): each folded term must start a word of the
   * owner's name or appear in the login. Pure SQL, no per-row JS call: the folded name is the head
   * of the person's folded search text (name, position, department, unit), and folding keeps a
   * cleaned NFC name's length (one precomposed letter → one base letter, đ → d; tested in
   * shared/text), so it is `substr(text, 1, length(name))`.
   */
  searchNameOrLogin(query: string, cols: NameCols): this {
    const name = foldedName(cols);
    for (const term of searchTerms(query)) {
      const p = this.bind(term);
      this.parts.push(`(instr(${cols.login}, ${p}) > 0 OR instr(' ' || ${name}, ' ' || ${p}) > 0)`);
    }
    return this;
  }

  /**
   * ORDER BY prefix ranking the best matches of `query` first: the exact name or login, the whole
   * phrase as words of the name, the phrase at a word start of the name or the login's start,
   * then the rest. Empty when there is no query.
   */
  searchRank(query: string, cols: NameCols): string {
    const phrase = searchTerms(query).join(' ');
    if (!phrase) return '';
    const p = this.bind(phrase);
    const name = foldedName(cols);
    return `CASE WHEN ${name} = ${p} OR ${cols.login} = ${p} THEN 0
      WHEN instr(' ' || ${name} || ' ', ' ' || ${p} || ' ') > 0 THEN 1
      WHEN instr(' ' || ${name}, ' ' || ${p}) > 0 OR instr(${cols.login}, ${p}) = 1 THEN 2 ELSE 3 END, `;
  }

  get sql(): string {
    return this.parts.length ? `WHERE ${this.parts.join(' AND ')}` : '';
  }
}

/** Columns of a searchable account row: folded login, folded person text, the person's name as stored. */
interface NameCols {
  login: string;
  text: string;
  name: string;
}

const foldedName = (c: NameCols) => `substr(${c.text}, 1, length(coalesce(${c.name}, '')))`;
