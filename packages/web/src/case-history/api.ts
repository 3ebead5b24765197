import { type TimelineKind, ZTimeline, ZTransparencyLog } from '@cope/contracts';
import { infiniteQueryOptions } from '@tanstack/react-query';
import { api } from '../api/client';

const PAGE = 50;

export const timelineQuery = (participantId: string, kinds: TimelineKind[]) =>
  infiniteQueryOptions({
    queryKey: ['participants', 'timeline', participantId, kinds],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const query = new URLSearchParams({ limit: String(PAGE) });
      if (kinds.length > 0) query.set('kinds', kinds.join(','));
      if (pageParam) query.set('before', pageParam);
      return api(`/api/participants/${participantId}/timeline?${query}`, ZTimeline, { signal });
    },
    getNextPageParam: (last) => last.nextBefore,
  });

/** The reader's own time zone, so that "today" in the log is her today. */
function timeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

export const transparencyQuery = (participantId: string) =>
  infiniteQueryOptions({
    queryKey: ['participants', 'transparency', participantId],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const query = new URLSearchParams({ timeZone: timeZone() });
      if (pageParam) query.set('before', pageParam);
      return api(`/api/participants/${participantId}/transparency?${query}`, ZTransparencyLog, { signal });
    },
    getNextPageParam: (last) => last.nextBefore,
  });
