/**
 * Sharing one section with a role group. The server refuses without her consent and names the
 * one missing; the emergency path (imminent threat to her life) is offered to coordinators only.
 */
import { type TSectionShare, ZConsentRequiredDetails } from '@cope/contracts';
import { SECTIONS, type Section, SHARE_AUDIENCES, type ShareAudience } from '@cope/domain';
import { Alert, Button, Checkbox, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, isApiError } from '../api/client';
import { useErrorMessage } from '../api/use-error-message';
import { participantQuery } from '../participants/api';
import { useSectionLabels } from '../participants/section-labels';
import { shareSection, sharesQuery } from './api';
import { useAudienceLabel, useAudienceOptions } from './labels';

/** The consent the server says is missing, from the error's details. */
function missingConsent(error: unknown) {
  if (!(error instanceof ApiError) || error.code !== 'CONSENT_REQUIRED') return null;
  const parsed = ZConsentRequiredDetails.safeParse(error.rawDetails);
  return parsed.success ? parsed.data : null;
}

export function ShareSectionModal({
  participantId,
  allowEmergency,
  onClose,
  onShared,
}: {
  participantId: string;
  allowEmergency: boolean;
  onClose: () => void;
  onShared: (share: TSectionShare) => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const sectionLabels = useSectionLabels();
  const audienceOptions = useAudienceOptions(SHARE_AUDIENCES);
  const audienceLabel = useAudienceLabel();
  const [section, setSection] = useState<Section | null>(null);
  const [audience, setAudience] = useState<ShareAudience | null>(null);
  const [emergency, setEmergency] = useState(false);
  const [reason, setReason] = useState('');
  const [missingField, setMissingField] = useState<'section' | 'audience' | null>(null);

  const share = useMutation({
    mutationFn: () =>
      shareSection(participantId, {
        section: section as Section,
        audience: audience as ShareAudience,
        emergencyReason: emergency ? reason.trim() : undefined,
      }),
    onSuccess: async (created) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: sharesQuery(participantId).queryKey }),
        queryClient.invalidateQueries({ queryKey: participantQuery(participantId).queryKey }),
      ]);
      onShared(created);
    },
  });
  const missing = missingConsent(share.error);
  const reasonError =
    isApiError(share.error, 'VALIDATION_FAILED') && share.error.fieldIssue('emergencyReason')
      ? t('consents.share.reasonTooShort')
      : undefined;

  const submit = () => {
    if (!section) return setMissingField('section');
    if (!audience) return setMissingField('audience');
    if (emergency && reason.trim().length < 20) return share.reset();
    setMissingField(null);
    share.mutate();
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('consents.share.title')}
      closeButtonProps={{ 'aria-label': t('consents.close') }}
      size="lg"
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="md">
          <Text size="sm">{t('consents.share.intro')}</Text>
          <Select
            label={t('consents.share.section')}
            placeholder={t('consents.form.choose')}
            data={SECTIONS.map((value) => ({ value, label: sectionLabels[value] }))}
            value={section}
            onChange={(value) => setSection(value as Section | null)}
            error={missingField === 'section' ? t('consents.share.chooseSection') : undefined}
            required
          />
          <Select
            label={t('consents.share.audience')}
            placeholder={t('consents.form.choose')}
            data={audienceOptions}
            value={audience}
            onChange={(value) => setAudience(value as ShareAudience | null)}
            error={missingField === 'audience' ? t('consents.share.chooseAudience') : undefined}
            searchable
            required
          />
          {allowEmergency && (
            <Stack gap="xs">
              <Checkbox
                label={t('consents.share.emergency')}
                description={t('consents.share.emergencyHelp')}
                checked={emergency}
                onChange={(event) => setEmergency(event.currentTarget.checked)}
              />
              {emergency && (
                <Textarea
                  label={t('consents.share.reason')}
                  description={t('consents.share.reasonHelp')}
                  value={reason}
                  onChange={(event) => setReason(event.currentTarget.value)}
                  error={
                    reasonError ??
                    (reason.trim().length > 0 && reason.trim().length < 20
                      ? t('consents.share.reasonTooShort')
                      : undefined)
                  }
                  autosize
                  minRows={3}
                  required
                />
              )}
            </Stack>
          )}
          {missing && (
            <Alert color="red" variant="light" role="alert" title={t('consents.share.refusedTitle')}>
              <Text size="sm" c="dark.7">
                {t('consents.share.missing', {
                  sections: missing.dataCategories.map((value) => sectionLabels[value]).join(', '),
                  audience: audienceLabel(missing.recipient),
                })}
              </Text>
            </Alert>
          )}
          {share.isError && !missing && !reasonError && (
            <Text c="red.8" size="sm" role="alert">
              {isApiError(share.error, 'CONFLICT') ? t('consents.share.already') : errorMessage(share.error)}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('consents.cancel')}
            </Button>
            <Button type="submit" color={emergency ? 'red.8' : undefined} loading={share.isPending}>
              {emergency ? t('consents.share.confirmEmergency') : t('consents.share.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
