/**
 * Her file as a whole: exporting it for her, the retention holds that keep it, and erasing her
 * identifying data at her request.
 */
import type { TParticipantDetail } from '@cope/contracts';
import { Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EraseCase } from '../participants/EraseCase';
import { ExportFile } from './ExportFile';
import { RetentionHolds } from './RetentionHolds';

export function CaseFilePanel({ participant }: { participant: TParticipantDetail }) {
  const { t } = useTranslation();
  const { abilities } = participant;
  return (
    <>
      {abilities.export ? (
        <ExportFile participantId={participant.id} caseCode={participant.caseCode} />
      ) : (
        <Paper withBorder radius="lg" p={{ base: 'lg', sm: 'xl' }}>
          <Text size="sm">{t('caseFile.export.notYours')}</Text>
        </Paper>
      )}
      <RetentionHolds participant={participant} />
      {abilities.erase && <EraseCase participantId={participant.id} caseCode={participant.caseCode} />}
    </>
  );
}
