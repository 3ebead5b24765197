/**
 * The counts beside "My tasks" in the navigation: overdue in red, due in the next seven days in
 * grey, each read out in words ("3 overdue"). They refresh when tasks change, on every move to
 * another page, and every minute while someone is using the app. A screen left alone is not
 * polled: every request keeps the session alive, and an unattended screen must still sign out.
 */
import { Badge, Group, VisuallyHidden } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { taskCountsQuery } from './api';

const REFRESH_MS = 60_000;

function useLiveCounts() {
  const queryClient = useQueryClient();
  const { pathname } = useLocation();
  const lastActivity = useRef(Date.now());

  useEffect(() => {
    const seen = () => {
      lastActivity.current = Date.now();
    };
    window.addEventListener('pointerdown', seen);
    window.addEventListener('keydown', seen);
    const timer = setInterval(() => {
      const active = Date.now() - lastActivity.current < REFRESH_MS;
      if (active && document.visibilityState === 'visible') {
        void queryClient.invalidateQueries({ queryKey: taskCountsQuery.queryKey });
      }
    }, REFRESH_MS);
    return () => {
      window.removeEventListener('pointerdown', seen);
      window.removeEventListener('keydown', seen);
      clearInterval(timer);
    };
  }, [queryClient]);

  // A page change may follow a save that made work due (a reassessment after a legal change).
  const firstPage = useRef(true);
  useEffect(() => {
    if (firstPage.current) {
      firstPage.current = false; // the first page loads the counts anyway
      return;
    }
    if (pathname) void queryClient.invalidateQueries({ queryKey: taskCountsQuery.queryKey });
  }, [pathname, queryClient]);

  return useQuery(taskCountsQuery);
}

export function TaskCountBadges() {
  const { t } = useTranslation();
  const counts = useLiveCounts();
  if (!counts.data) return null;
  const { overdue, dueSoon } = counts.data;
  if (overdue === 0 && dueSoon === 0) return null;
  return (
    <Group gap={4} wrap="nowrap" component="span">
      {overdue > 0 && (
        <Badge size="sm" color="red.9" variant="filled" component="span">
          <span aria-hidden="true">{overdue}</span>
          <VisuallyHidden>{`, ${t('tasks.counts.overdue', { count: overdue })}`}</VisuallyHidden>
        </Badge>
      )}
      {dueSoon > 0 && (
        <Badge size="sm" variant="light" color="gray" c="dark.7" component="span">
          <span aria-hidden="true">{dueSoon}</span>
          <VisuallyHidden>{`, ${t('tasks.counts.dueSoon', { count: dueSoon })}`}</VisuallyHidden>
        </Badge>
      )}
    </Group>
  );
}
