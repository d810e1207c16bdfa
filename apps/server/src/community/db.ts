export const json = (value: unknown): string => JSON.stringify(value);
export const parseJson = <T>(text: string): T => JSON.parse(text) as T;

/** Placeholders for an IN list: (?, ?, ?). Callers never pass an empty list. */
export const inList = (n: number): string => `(${Array.from({ length: n }, () => '?').join(', ')})`;
