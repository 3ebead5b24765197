/** Placeholder until this page is built in this change. */
export function IntakePage() {
  return null;
}
