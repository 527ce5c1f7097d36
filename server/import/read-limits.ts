/**
 * What one file may make the readers hold or do, whatever its format. A legitimate file is far
 * inside every limit (a 1,000,000-row file is the largest the pipeline takes); a file made to
 * hurt the server meets one of them early and is refused with a message for the clerk.
 */
export const READ_LIMITS = {
  /** Rows read, blank ones included: Excel's own sheet limit, above the pipeline's 1,000,000 data rows. */
  rows: 1_048_576,
  /** Columns read; cells further right are ignored (the widest template has a dozen columns). */
  columns: 256,
  /** Characters in one cell: Excel's own limit. */
  cellChars: 32_767,
  /**
   * Characters of XML without a `<` or `>`: the XML parser holds a text node or a tag whole
   * before it hands it over, so a run of megabytes would be held. A cell at its limit, escaped,
   * is well under this.
   */
  xmlRun: 1 << 20,
  /** Characters of one CSV record (csv-parse `max_record_size`): a record without line ends stops here. */
  csvRecordChars: 1 << 20,
};

/**
 * Why a file was refused; each has a message `import.file.<reason>` for the clerk
 * (messages/*\/import.json), which the pipeline reports as the file's only error.
 */
export type RefusalReason =
  | "zipBomb"
  | "notXlsx"
  | "noSheet"
  | "tooMuchText"
  | "tooManyStyles"
  | "tooManyMerged"
  | "cellTooLong"
  | "rowLimit"
  | "recordTooLong"
  | "csvBroken";

export class FileRefused extends Error {
  constructor(
    readonly reason: RefusalReason,
    message: string = reason,
  ) {
    super(message);
  }
}

/**
 * Watches text on its way into an XML parser for runs without markup (see `xmlRun`). Costs two
 * `lastIndexOf` per chunk; a run inside one chunk is bounded by the chunk's own size.
 */
export function markupRunGuard(limit = READ_LIMITS.xmlRun) {
  let sinceOpen = 0;
  let sinceClose = 0;
  const after = (text: string, char: string, since: number) => {
    const at = text.lastIndexOf(char);
    return at < 0 ? since + text.length : text.length - at - 1;
  };
  return (text: string) => {
    sinceOpen = after(text, "<", sinceOpen);
    sinceClose = after(text, ">", sinceClose);
    if (sinceOpen > limit || sinceClose > limit) throw new FileRefused("cellTooLong");
  };
}
