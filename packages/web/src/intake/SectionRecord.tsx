import type { Section } from '@cope/domain';

/** Placeholder until this panel is built in this change. */
export function SectionRecord(_props: { participantId: string; section: Section; canEdit: boolean }) {
  return null;
}
