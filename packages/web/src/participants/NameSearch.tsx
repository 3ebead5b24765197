/**
 * Find a woman by her exact name, phone number or document number. The value is sent to the
 * server, which matches it through a blind index and confirms by decryption; it never goes into
 * the page address or the history. Searching first also avoids opening her case twice, so the
 * way to open a new case starts here.
 */
import { ZParticipantList, ZParticipantSearchResult } from '@cope/contracts';
import { Anchor, Button, Group, List, Paper, Radio, Text, TextInput } from '@mantine/core';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, isApiError } from '../api/client';
import { useErrorMessage } from '../api/use-error-message';

type SearchBy = 'code' | 'name' | 'phone' | 'document';

const searchPath = (by: Exclude<SearchBy, 'code'>, value: string) =>
  by === 'name'
    ? `/api/participants/search?${new URLSearchParams({ name: value })}`
    : `/api/participants/lookup?${new URLSearchParams({ [by]: value })}`;

/** `mayOpenCases`: the server says she may open cases (the list's abilities). */
export function NameSearch({ mayOpenCases }: { mayOpenCases: boolean }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [by, setBy] = useState<SearchBy>('name');
  const [draft, setDraft] = useState('');
  const [asked, setAsked] = useState<{ by: SearchBy; value: string } | null>(null);
  const search = useQuery({
    queryKey: ['participants', 'search', asked],
    queryFn: async ({ signal }) => {
      if (!asked) return { items: [] };
      if (asked.by === 'code') {
        // A case code is not identifying: the whole organization's list shows them.
        const params = new URLSearchParams({ caseCode: asked.value, scope: 'all', pageSize: '5' });
        const found = await api(`/api/participants?${params}`, ZParticipantList, { signal });
        return { items: found.items };
      }
      return api(searchPath(asked.by, asked.value), ZParticipantSearchResult, { signal });
    },
    enabled: asked !== null,
    gcTime: 0,
    retry: false,
  });
  const fieldError =
    isApiError(search.error) && asked
      ? search.error.fieldIssue(asked.by === 'code' ? 'caseCode' : asked.by)?.message
      : undefined;
  const inputLabel = {
    code: { label: t('search.codeLabel'), help: t('search.codeHelp') },
    name: { label: t('search.label'), help: t('search.help') },
    phone: { label: t('intake.search.phoneLabel'), help: t('intake.search.phoneHelp') },
    document: { label: t('intake.search.documentLabel'), help: t('intake.search.documentHelp') },
  }[by];

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="name-search">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setAsked({ by, value: draft.trim() });
        }}
      >
        <Radio.Group
          label={t('intake.search.by')}
          value={by}
          onChange={(value) => {
            setBy(value as SearchBy);
            setDraft('');
            setAsked(null);
          }}
          mb="sm"
        >
          <Group gap="lg" mt={4}>
            <Radio value="name" label={t('intake.search.byName')} />
            <Radio value="code" label={t('search.byCode')} />
            <Radio value="phone" label={t('intake.search.byPhone')} />
            <Radio value="document" label={t('intake.search.byDocument')} />
          </Group>
        </Radio.Group>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            id="name-search"
            type={by === 'phone' ? 'tel' : 'text'}
            label={inputLabel.label}
            description={inputLabel.help}
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
            {asked?.by === 'name'
              ? t('search.none')
              : asked?.by === 'code'
                ? t('search.noCode')
                : t('intake.search.none')}
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
      {mayOpenCases && (
        <Group mt="md" gap="sm" align="center" wrap="wrap">
          <Button
            component={Link}
            to="/participants/new"
            variant="light"
            leftSection={<IconPlus size={16} aria-hidden="true" />}
          >
            {t('intake.search.openCase')}
          </Button>
          <Text size="sm" c="dark.4">
            {t('intake.search.openCaseHelp')}
          </Text>
        </Group>
      )}
    </Paper>
  );
}
