/** One task of mine: what to do, why when an event made it due, on which case, and by when. */
import { SELF_CLOSING_TASK_KINDS, type TTask } from '@cope/contracts';
import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDateFormatter } from '../participants/labels';
import { taskHref, useTaskSentence, useTriggerLabels } from './labels';

export function TaskItem({ task, onDone, pending }: { task: TTask; onDone: () => void; pending: boolean }) {
  const { t } = useTranslation();
  const sentence = useTaskSentence();
  const triggers = useTriggerLabels();
  const formatDate = useDateFormatter();
  const href = taskHref(task);
  // Assessments and lowering decisions close when the work is saved on her Safety tab.
  const closesByItself = (SELF_CLOSING_TASK_KINDS as readonly string[]).includes(task.kind);
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="li"
      style={task.overdue ? { borderColor: '#c92a2a', borderLeftWidth: 4 } : undefined}
    >
      <Group justify="space-between" align="center" wrap="wrap" gap="sm">
        <Stack gap={4} style={{ flex: '1 1 240px' }}>
          <Text fw={600}>
            {sentence(task)}
            {task.trigger ? ` ${triggers[task.trigger]}` : ''}
          </Text>
          <Group gap="xs" wrap="wrap">
            {task.caseCode && href && (
              <Text size="sm">
                {t('tasks.case')}{' '}
                <Anchor component={Link} to={href} ff="monospace" fw={600}>
                  {task.caseCode}
                </Anchor>
              </Text>
            )}
            <Text size="sm" c={task.overdue ? 'red.9' : 'dark.5'} fw={task.overdue ? 600 : undefined}>
              {task.dueToday
                ? t('tasks.dueToday')
                : t('tasks.due', { date: formatDate(`${task.dueOn}T12:00:00`) })}
            </Text>
            {task.overdue && (
              <Badge color="red.9" variant="filled">
                {t('tasks.overdue')}
              </Badge>
            )}
          </Group>
        </Stack>
        {closesByItself && href ? (
          <Button variant="default" component={Link} to={href}>
            {task.kind === 'itinerary_review' ? t('tasks.openProgress') : t('tasks.openSafety')}
          </Button>
        ) : (
          <Button variant="default" onClick={onDone} loading={pending}>
            {t('tasks.markDone')}
          </Button>
        )}
      </Group>
    </Paper>
  );
}
