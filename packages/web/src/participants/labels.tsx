/** Names and badges for case statuses and risk levels. Risk is always written, never colour alone. */
import type { CaseStatus, RiskLevel } from '@cope/domain';
import { Badge, Box } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export function useStatusLabels(): Record<CaseStatus, string> {
  const { t } = useTranslation();
  return {
    intake: t('status.intake'),
    active: t('status.active'),
    on_hold: t('status.onHold'),
    closed: t('status.closed'),
    follow_up: t('status.followUp'),
  };
}

export function useRiskLabels(): Record<RiskLevel, string> {
  const { t } = useTranslation();
  return {
    low: t('risk.low'),
    medium: t('risk.medium'),
    high: t('risk.high'),
    critical: t('risk.critical'),
  };
}

interface Tone {
  background: string;
  text: string;
  border: string;
}

// Text colours keep at least 7:1 contrast on their backgrounds.
const STATUS_TONES: Record<CaseStatus, Tone> = {
  intake: { background: '#e7f0fb', text: '#1a4480', border: '#b5cdef' },
  active: { background: '#e3f2f2', text: '#0a3f44', border: '#a6d0d3' },
  on_hold: { background: '#f6f1e7', text: '#5c4312', border: '#dccaa3' },
  closed: { background: '#eef0f2', text: '#343a40', border: '#ced4da' },
  follow_up: { background: '#f1ebfb', text: '#4a2a80', border: '#cdb8f0' },
};

const RISK_TONES: Record<RiskLevel, Tone> = {
  low: { background: '#e6f4ea', text: '#1b4d2b', border: '#9fcfae' },
  medium: { background: '#fff4d1', text: '#5c3d00', border: '#e8c765' },
  high: { background: '#ffe7d4', text: '#7a3000', border: '#f2ac77' },
  critical: { background: '#fde0df', text: '#7d1412', border: '#ec9794' },
};

const NOT_ASSESSED: Tone = { background: '#f8f9fa', text: '#495057', border: '#dee2e6' };

function ToneBadge({ tone, label, dot }: { tone: Tone; label: string; dot?: boolean }) {
  return (
    <Badge
      size="lg"
      variant="outline"
      bg={tone.background}
      c={tone.text}
      style={{ borderColor: tone.border, fontWeight: 600, maxWidth: 'none', flexShrink: 0 }}
      styles={{ label: { overflow: 'visible' } }}
      leftSection={
        dot ? (
          <Box
            component="span"
            w={8}
            h={8}
            style={{ borderRadius: 8, background: tone.text }}
            aria-hidden="true"
          />
        ) : undefined
      }
    >
      {label}
    </Badge>
  );
}

export function StatusBadge({ status }: { status: CaseStatus }) {
  const labels = useStatusLabels();
  return <ToneBadge tone={STATUS_TONES[status]} label={labels[status]} />;
}

export function RiskBadge({ level }: { level: RiskLevel | null }) {
  const { t } = useTranslation();
  const labels = useRiskLabels();
  if (!level) return <ToneBadge tone={NOT_ASSESSED} label={t('risk.notAssessed')} />;
  return <ToneBadge tone={RISK_TONES[level]} label={labels[level]} dot />;
}

/** Dates in the interface language, e.g. "3 Mar 2026" / "3 mar 2026". */
export function useDateFormatter(): (iso: string) => string {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    // Prefer the browser's regional variant of the same language (en-GB writes 3 Mar 2026).
    const regional = navigator.languages?.find((locale) => locale.toLowerCase().startsWith(`${language}-`));
    const format = new Intl.DateTimeFormat(regional ?? language, { dateStyle: 'medium' });
    return (iso: string) => {
      const date = new Date(iso);
      return Number.isNaN(date.getTime()) ? '' : format.format(date);
    };
  }, [language]);
}
