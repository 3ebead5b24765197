/**
 * Keeps the draft under review saved as it changes: every change sends the whole draft with the
 * revision last read, one save at a time (a change made while one is under way goes next, with
 * the revision that save returned), so the draft survives a closed browser. A draft with problems
 * is not sent: its problems are shown where they are.
 */
import type { TFieldIssue, TPlanOverview, TPlanVersion } from '@cope/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { isApiError } from '../api/client';
import { planOverviewQuery, saveDraft } from './api';
import { type DraftContent, useDraftProblems } from './problems';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'invalid'; issues: TFieldIssue[]; fromServer: boolean }
  | { kind: 'failed'; error: unknown };

export function useDraftSaver(
  participantId: string,
  draft: TPlanVersion,
  /** Someone else saved or ended the draft meanwhile: the caller reloads it. */
  onStale: (error: unknown) => void,
) {
  const queryClient = useQueryClient();
  const problems = useDraftProblems();
  const [content, setContent] = useState<DraftContent>(() => ({
    startsOn: draft.startsOn,
    goals: draft.goals,
  }));
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const revision = useRef(draft.revision);
  const queued = useRef<DraftContent | null>(null);
  const running = useRef(false);
  const [busy, setBusy] = useState(false);

  const flush = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    try {
      while (queued.current) {
        const next = queued.current;
        queued.current = null;
        setState({ kind: 'saving' });
        try {
          const saved = await saveDraft(participantId, { revision: revision.current, ...next });
          revision.current = saved.revision;
          queryClient.setQueryData(
            planOverviewQuery(participantId).queryKey,
            (old: TPlanOverview | undefined) => (old ? { ...old, draft: saved } : old),
          );
          if (!queued.current) setState({ kind: 'saved' });
        } catch (error) {
          queued.current = null;
          if (isApiError(error, 'CONFLICT') || isApiError(error, 'NOT_FOUND')) onStale(error);
          else if (isApiError(error, 'VALIDATION_FAILED') && error.details.length > 0)
            setState({ kind: 'invalid', issues: error.details, fromServer: true });
          else setState({ kind: 'failed', error });
        }
      }
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, [participantId, queryClient, onStale]);

  /** Takes the new content, and saves it unless it has problems. */
  const change = useCallback(
    (next: DraftContent) => {
      setContent(next);
      const issues = problems(next);
      if (issues.length > 0) {
        queued.current = null;
        setState({ kind: 'invalid', issues, fromServer: false });
        return;
      }
      queued.current = next;
      void flush();
    },
    [flush, problems],
  );

  const retry = useCallback(() => change(content), [change, content]);

  return {
    content,
    state,
    change,
    retry,
    /** The revision of the last save, for her agreement. */
    revision: () => revision.current,
    /** A save is under way or waiting. */
    busy,
  };
}
