/** Placeholder while the safety work is built. */
export function SafetySettingsPanel() {
  return null;
}
