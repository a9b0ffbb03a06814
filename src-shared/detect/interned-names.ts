/** Small integer ids for names (users, networks, countries, ...), given in order of first sight. */
export class InternedNames {
  private readonly ids = new Map<string, number>();

  /** The id of `name`, assigned on first sight. */
  id(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(name, id);
    }
    return id;
  }
}
