/** A list as the comma-separated text a field shows. */
export function listText(items: readonly string[]): string {
  return items.join(', ');
}

/** Comma- or newline-separated text as a list, blanks dropped. */
export function textList(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}
