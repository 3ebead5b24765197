/** One section of a case: its notes (full access) or the reduced view (limited access). */
import type { TNoteVisibility } from '@cope/contracts';
import type { Section } from '@cope/domain';
import { Alert, Badge, Button, Drawer, Group, Paper, Radio, Stack, Text, Textarea } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { useErrorMessage } from '../api/use-error-message';
import { SectionRecord } from '../intake/SectionRecord';
import { ErrorState, LoadingState } from '../layout/PageStates';
import { IdentityReveal } from './IdentityReveal';
import { useDateFormatter } from './labels';
import { useSectionLabels } from './section-labels';
import { addNote, sectionQuery } from './sections-api';

export function SectionDrawer({
  participantId,
  section,
  canEdit,
  onClose,
}: {
  participantId: string;
  section: Section;
  /** She may edit the section's structured record (the server checks again). */
  canEdit: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const labels = useSectionLabels();
  const errorMessage = useErrorMessage();
  const formatDate = useDateFormatter();
  const queryClient = useQueryClient();
  const view = useQuery(sectionQuery(participantId, section));
  const [draft, setDraft] = useState('');
  const [visibility, setVisibility] = useState<TNoteVisibility>('section');
  const save = useMutation({
    mutationFn: (note: { body: string; visibility: TNoteVisibility }) =>
      addNote(participantId, section, note.body, note.visibility),
    onSuccess: async (_saved, note) => {
      // Whatever she started typing meanwhile is kept; only the saved text is cleared.
      setDraft((current) => (current === note.body ? '' : current));
      setVisibility('section');
      await queryClient.invalidateQueries({ queryKey: sectionQuery(participantId, section).queryKey });
    },
  });
  const fieldError = isApiError(save.error) ? save.error.fieldIssue('body')?.message : undefined;

  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size="lg"
      title={labels[section]}
      closeButtonProps={{ 'aria-label': t('sections.close') }}
    >
      {view.isPending && <LoadingState />}
      {view.isError && <ErrorState message={errorMessage(view.error)} onRetry={() => void view.refetch()} />}
      {view.data && view.data.access === 'limited' && (
        <Alert color="gray" title={t('sections.limitedTitle')}>
          {section === 'identity' && (
            <Text>{t('sections.aliasOnly', { alias: view.data.alias ?? '—' })}</Text>
          )}
          {section === 'mental_health' && (
            <Text>
              {view.data.inCounselling ? t('sections.inCounsellingYes') : t('sections.inCounsellingNo')}
            </Text>
          )}
        </Alert>
      )}
      {view.data?.notes && section === 'identity' && <IdentityReveal participantId={participantId} />}
      {view.data?.access === 'full' && (
        <SectionRecord participantId={participantId} section={section} canEdit={canEdit} />
      )}
      {view.data?.notes && (
        <Stack gap="sm">
          {view.data.notes.length === 0 && <Text c="dark.4">{t('sections.noNotes')}</Text>}
          {view.data.notes.map((note) => (
            <Paper key={note.id} withBorder p="sm" radius="md">
              <Group gap="xs" mb={4} justify="space-between">
                <Text size="xs" c="dark.4">
                  {t('sections.noteMeta', { author: note.authorName, date: formatDate(note.createdAt) })}
                </Text>
                {note.visibility === 'author' && (
                  <Badge
                    size="sm"
                    variant="light"
                    color="gray"
                    c="dark.6"
                    leftSection={<IconLock size={12} aria-hidden="true" />}
                  >
                    {t('history.notes.privateBadge')}
                  </Badge>
                )}
              </Group>
              <Text style={{ whiteSpace: 'pre-wrap' }}>{note.body || t('sections.noteErased')}</Text>
            </Paper>
          ))}
          <form
            onSubmit={(event) => {
              event.preventDefault();
              save.mutate({ body: draft, visibility });
            }}
          >
            <Textarea
              label={t('sections.newNote')}
              value={draft}
              onChange={(event) => setDraft(event.currentTarget.value)}
              autosize
              minRows={3}
              error={fieldError}
            />
            <Radio.Group
              mt="sm"
              label={t('history.notes.visibility')}
              value={visibility}
              onChange={(value) => setVisibility(value === 'author' ? 'author' : 'section')}
            >
              <Stack gap={6} mt={6}>
                <Radio value="section" label={t('history.notes.visibleToSection')} />
                <Radio value="author" label={t('history.notes.visibleToMe')} />
              </Stack>
            </Radio.Group>
            {save.isError && !fieldError && (
              <Text c="red.8" size="sm" mt={4} role="alert">
                {errorMessage(save.error)}
              </Text>
            )}
            <Button type="submit" mt="sm" loading={save.isPending}>
              {t('sections.saveNote')}
            </Button>
          </form>
        </Stack>
      )}
    </Drawer>
  );
}
