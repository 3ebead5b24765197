import type { TParticipantSummary } from '@cope/contracts';
import { Anchor, Table, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowsSort, IconArrowUp } from '@tabler/icons-react';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { RiskBadge, StatusBadge, useDateFormatter } from './labels';
import type { ParticipantSort, SortOrder } from './list-params';

interface Props {
  items: TParticipantSummary[];
  sort: ParticipantSort;
  order: SortOrder;
  onSort: (sort: ParticipantSort) => void;
  /** The list's address, so the detail page can lead back to the same filters and page. */
  listSearch: string;
}

function SortableHeader({
  label,
  column,
  sort,
  order,
  onSort,
}: { label: string; column: ParticipantSort } & Pick<Props, 'sort' | 'order' | 'onSort'>) {
  const active = sort === column;
  const Icon = !active ? IconArrowsSort : order === 'asc' ? IconArrowUp : IconArrowDown;
  return (
    <Table.Th aria-sort={active ? (order === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <UnstyledButton
        onClick={() => onSort(column)}
        fw={700}
        fz="sm"
        style={{ display: 'inline-flex', alignItems: 'center', gap: 6, borderRadius: 4 }}
      >
        {label}
        <Icon size={14} aria-hidden="true" style={{ opacity: active ? 1 : 0.55 }} />
      </UnstyledButton>
    </Table.Th>
  );
}

export function ParticipantsTable({ items, sort, order, onSort, listSearch }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const formatDate = useDateFormatter();
  const sortProps = { sort, order, onSort };

  // The case code is the keyboard-reachable link; a click anywhere else on the row opens it too.
  const openRow = (id: string) => (event: MouseEvent<HTMLTableRowElement>) => {
    if (event.target instanceof Element && event.target.closest('a, button')) return;
    void navigate(`/participants/${id}`, { state: { listSearch } });
  };

  return (
    <Table.ScrollContainer minWidth={880}>
      <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md">
        <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }} className="visually-hidden">
          {t('participants.tableCaption')}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <SortableHeader label={t('participants.caseCode')} column="case_code" {...sortProps} />
            <Table.Th>{t('participants.preferredName')}</Table.Th>
            <Table.Th>{t('participants.status')}</Table.Th>
            <SortableHeader label={t('participants.riskLevel')} column="risk_level" {...sortProps} />
            <Table.Th>{t('participants.referenceProfessional')}</Table.Th>
            <SortableHeader label={t('participants.openedAt')} column="opened_at" {...sortProps} />
            <SortableHeader label={t('caseTeam.list.nextDue')} column="next_due" {...sortProps} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id} onClick={openRow(item.id)} style={{ cursor: 'pointer' }}>
              <Table.Td>
                <Anchor
                  component={Link}
                  to={`/participants/${item.id}`}
                  state={{ listSearch }}
                  fw={600}
                  ff="monospace"
                  style={{ whiteSpace: 'nowrap' }}
                >
                  {item.caseCode}
                </Anchor>
              </Table.Td>
              <Table.Td>
                {item.preferredName ?? (
                  <Text span c="dark.4" fs="italic" size="sm">
                    {t('participants.nameNotShown')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <StatusBadge status={item.status} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <RiskBadge level={item.riskLevel} />
              </Table.Td>
              <Table.Td>
                {item.referenceProfessional?.displayName ?? (
                  <Text span c="dark.4" size="sm">
                    {t('participants.noReference')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(item.openedAt)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {item.nextDueOn ? (
                  formatDate(`${item.nextDueOn}T12:00:00`)
                ) : (
                  <Text span c="dark.4" size="sm">
                    {t('caseTeam.list.nothingDue')}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
