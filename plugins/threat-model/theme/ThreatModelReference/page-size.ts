/** Rows the threat table lists at once after hydration; the rest behind "Show all". */
export const PAGE_SIZE = 250;
