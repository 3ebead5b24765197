/** The screen she rates herself on: full screen, pictograms, her language. */
export function SelfRatingPage() {
  return null;
}
