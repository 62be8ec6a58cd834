/**
 * The papers a terminal's printer may hold: defined here once, so that the templates' page
 * geometry, the contract's enum and the screen's labels derive from one list.
 */
export const PAPER_SIZES = ['A4', 'A5', 'ROLL_80'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];
