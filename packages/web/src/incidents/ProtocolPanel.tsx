/** Placeholder while the safety work is built. */
export function ProtocolPanel() {
  return null;
}
