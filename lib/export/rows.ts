import type { Cell } from "./csv";

/** All rows, or batches read page by page (large exports: one batch in memory at a time). */
export type Rows = Cell[][] | AsyncIterable<Cell[][]>;

export async function* batches(rows: Rows): AsyncGenerator<Cell[][]> {
  if (Array.isArray(rows)) yield rows;
  else yield* rows;
}
