/**
 * Find a woman by her exact name. The name is sent to the server, which matches it through a
 * blind index and confirms by decryption; it never goes into the page address or the history.
 */
import { ZParticipantSearchResult } from '@cope/contracts';
import { Anchor, Button, Group, List, Paper, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, isApiError } from '../api/client';
import { useErrorMessage } from '../api/use-error-message';

export function NameSearch() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [draft, setDraft] = useState('');
  const [name, setName] = useState<string | null>(null);
  const search = useQuery({
    queryKey: ['participants', 'search', name],
    queryFn: ({ signal }) =>
      api(`/api/participants/search?${new URLSearchParams({ name: name ?? '' })}`, ZParticipantSearchResult, {
        signal,
      }),
    enabled: name !== null,
    gcTime: 0,
    retry: false,
  });
  const fieldError = isApiError(search.error) ? search.error.fieldIssue('name')?.message : undefined;

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="name-search">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setName(draft.trim());
        }}
      >
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            id="name-search"
            label={t('search.label')}
            description={t('search.help')}
            value={draft}
            onChange={(event) => setDraft(event.currentTarget.value)}
            error={fieldError}
            autoComplete="off"
            style={{ flex: '1 1 240px' }}
          />
          <Button
            type="submit"
            leftSection={<IconSearch size={16} aria-hidden="true" />}
            loading={search.isFetching}
          >
            {t('search.submit')}
          </Button>
        </Group>
      </form>
      <div role="status" aria-live="polite">
        {search.isError && !fieldError && (
          <Text c="red.8" size="sm" mt="sm">
            {errorMessage(search.error)}
          </Text>
        )}
        {search.data && search.data.items.length === 0 && (
          <Text size="sm" mt="sm">
            {t('search.none')}
          </Text>
        )}
        {search.data && search.data.items.length > 0 && (
          <List mt="sm" spacing={4}>
            {search.data.items.map((item) => (
              <List.Item key={item.id}>
                <Anchor component={Link} to={`/participants/${item.id}`} ff="monospace" fw={600}>
                  {item.caseCode}
                </Anchor>{' '}
                {item.preferredName ?? ''}
              </List.Item>
            ))}
          </List>
        )}
      </div>
    </Paper>
  );
}
