/** State badges for consents and shares: always a word, never colour alone. */
import type { TConsent } from '@cope/contracts';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useStateLabels } from './labels';

interface Tone {
  background: string;
  text: string;
  border: string;
}

// Text colours keep at least 7:1 contrast on their backgrounds.
const TONES = {
  active: { background: '#e3f2f2', text: '#0a3f44', border: '#a6d0d3' },
  withdrawn: { background: '#eef0f2', text: '#343a40', border: '#ced4da' },
  expired: { background: '#fde0df', text: '#7d1412', border: '#ec9794' },
  not_yet_valid: { background: '#e7f0fb', text: '#1a4480', border: '#b5cdef' },
  review: { background: '#fff4d1', text: '#5c3d00', border: '#e8c765' },
  emergency: { background: '#ffe7d4', text: '#7a3000', border: '#f2ac77' },
} satisfies Record<string, Tone>;

export function ToneBadge({ tone, children }: { tone: keyof typeof TONES; children: string }) {
  const colours = TONES[tone];
  return (
    <Badge
      variant="outline"
      bg={colours.background}
      c={colours.text}
      style={{ borderColor: colours.border, fontWeight: 600, maxWidth: 'none' }}
      styles={{ label: { overflow: 'visible' } }}
    >
      {children}
    </Badge>
  );
}

export function ConsentStateBadge({ consent }: { consent: TConsent }) {
  const labels = useStateLabels();
  return <ToneBadge tone={consent.state}>{labels[consent.state]}</ToneBadge>;
}

export function ReviewDueBadge() {
  const { t } = useTranslation();
  return <ToneBadge tone="review">{t('consents.state.reviewDue')}</ToneBadge>;
}
