/** Placeholder while the safety work is built. */
export function AreasPanel() {
  return null;
}
