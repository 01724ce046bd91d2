/** The CSV import's columns and size limit, shown on the import page; no server code here. */
export const CSV_COLUMNS = ["name", "reference", "phase", "category", "locality"] as const;
export const MAX_CSV_ROWS = 1000;
