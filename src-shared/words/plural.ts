const rules = new Intl.PluralRules('en');

/** The word for `n` things: plural('case', 2) is "cases", plural('case', 1) "case". */
export function plural(word: string, n: number, pluralWord = `${word}s`): string {
  return rules.select(n) === 'one' ? word : pluralWord;
}

/** A count with its word: "1 case", "3 cases", "0 cases", "1 day", "2 replies". */
export function count(n: number, word: string, pluralWord?: string): string {
  return `${n} ${plural(word, n, pluralWord)}`;
}
