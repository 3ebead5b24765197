/**
 * Keeps the draft under review saved as it changes: every change sends the whole draft with the
 * revision last read, one save at a time (a change made while one is under way goes next, with
 * the revision that save returned), so the draft survives a closed browser. A draft with problems
 * is not sent: its problems are shown where they are, and until they are fixed (or while a change
 * is still on its way, or its save failed) leaving the page makes the browser ask first. Moving
 * elsewhere in the app asks too (LeaveGuard) while a change exists only here: refused or failed.
 */
import type { TFieldIssue, TPlanOverview, TPlanVersion } from '@cope/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
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
  const [state, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const revision = useRef(draft.revision);
  const queued = useRef<DraftContent | null>(null);
  const running = useRef(false);
  const [busy, setBusy] = useState(false);
  /** The last change was refused (it has problems) or its save failed: it exists only here. */
  const unsent = useRef(false);
  /** The latest change has problems: an earlier save finishing must not say "all saved". */
  const refused = useRef(false);
  const setState = useCallback((next: SaveState) => {
    unsent.current = next.kind === 'invalid' || next.kind === 'failed';
    setSaveState(next);
  }, []);

  // Closing or reloading the page with a change not on the server: the browser asks first.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (unsent.current || queued.current || running.current) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);

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
          if (!queued.current && !refused.current) setState({ kind: 'saved' });
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
  }, [participantId, queryClient, onStale, setState]);

  /** Takes the new content, and saves it unless it has problems. */
  const change = useCallback(
    (next: DraftContent) => {
      setContent(next);
      const issues = problems(next);
      refused.current = issues.length > 0;
      if (issues.length > 0) {
        queued.current = null;
        setState({ kind: 'invalid', issues, fromServer: false });
        return;
      }
      queued.current = next;
      void flush();
    },
    [flush, problems, setState],
  );

  const retry = useCallback(() => change(content), [change, content]);
  const unsaved = useCallback(() => unsent.current, []);

  return {
    content,
    state,
    change,
    retry,
    /** The revision of the last save, for her agreement. */
    revision: () => revision.current,
    /** A save is under way or waiting. */
    busy,
    /** The latest change exists only on this screen: refused for its problems, or its save failed. */
    unsaved,
  };
}
