/** A WHERE fragment with its positional parameters, combined with AND by the query builders. */
export interface SqlCondition {
  sql: string;
  parameters: (string | number)[];
}

/** AND the conditions together; an empty list matches everything. */
export function whereClause(conditions: SqlCondition[]): SqlCondition {
  if (conditions.length === 0) return { sql: '', parameters: [] };
  return { sql: `WHERE ${conditions.map((condition) => condition.sql).join(' AND ')}`, parameters: conditions.flatMap((condition) => condition.parameters) };
}
