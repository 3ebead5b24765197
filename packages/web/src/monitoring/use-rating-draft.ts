/**
 * The professional's ratings of an open round, saved as a draft while she works: every change
 * is sent after a short pause (with the revision last read), one save at a time, so a closed
 * browser or a lost connection keeps what was chosen. A save refused as stale (someone else saved
 * the round meanwhile, or it was completed) stops the saving and reports the conflict.
 */
import type { TMonitoringOverview, TRatings, TRound } from '@cope/contracts';
import type { ScaleStep, Sphere } from '@cope/domain';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { isApiError } from '../api/client';
import { monitoringQuery, saveProfessional } from './api';

const PAUSE_MS = 700;

export type DraftState = 'idle' | 'pending' | 'saved' | 'failed' | 'conflict';

/** Who saved the round meanwhile and when, as the refusal names them (absent when it was completed). */
export interface RoundConflict {
  savedBy: string | null;
  savedAt: string | null;
}

function conflictOf(raw: unknown): RoundConflict {
  const details = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  return {
    savedBy: typeof details.savedBy === 'string' && details.savedBy ? details.savedBy : null,
    savedAt: typeof details.savedAt === 'string' && details.savedAt ? details.savedAt : null,
  };
}

export interface RatingDraft {
  ratings: TRatings;
  state: DraftState;
  error: unknown;
  /** Who saved the round meanwhile, once a save was refused as stale. */
  conflict: RoundConflict | null;
  setStep: (sphere: Sphere, step: ScaleStep) => void;
  setReason: (sphere: Sphere, reason: string) => void;
  /** Sends what is not saved yet; resolves true once everything is saved. */
  flush: () => Promise<boolean>;
}

/** What is sent: trimmed reasons, spheres with nothing in them left out. */
function toSend(ratings: TRatings): TRatings {
  const result: TRatings = {};
  for (const [sphere, rating] of Object.entries(ratings) as [Sphere, NonNullable<TRatings[Sphere]>][]) {
    const reason = rating.reason?.trim() || null;
    if (rating.step || reason) result[sphere] = { step: rating.step ?? null, reason };
  }
  return result;
}

export function useRatingDraft(
  participantId: string,
  round: TRound,
  onConflict: (conflict: RoundConflict) => void,
): RatingDraft {
  const queryClient = useQueryClient();
  const [ratings, setRatings] = useState<TRatings>(() => round.professional ?? {});
  const [state, setState] = useState<DraftState>('idle');
  const [error, setError] = useState<unknown>(null);
  const [conflicted, setConflicted] = useState<RoundConflict | null>(null);
  const latest = useRef(ratings);
  const revision = useRef(round.revision);
  const dirty = useRef(false);
  const stopped = useRef(false);
  const failed = useRef(false);
  const inFlight = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const conflict = useRef(onConflict);
  conflict.current = onConflict;

  const send = useCallback(async (): Promise<boolean> => {
    clearTimeout(timer.current);
    if (inFlight.current) {
      await inFlight.current;
      return send();
    }
    if (!dirty.current || stopped.current) return !dirty.current && !stopped.current;
    dirty.current = false;
    const run = saveProfessional(participantId, round.id, {
      revision: revision.current,
      ratings: toSend(latest.current),
    })
      .then((saved) => {
        revision.current = saved.revision;
        queryClient.setQueryData(
          monitoringQuery(participantId).queryKey,
          (old: TMonitoringOverview | undefined) =>
            old ? { ...old, rounds: old.rounds.map((item) => (item.id === saved.id ? saved : item)) } : old,
        );
        failed.current = false;
        setError(null);
        if (!dirty.current) setState('saved');
      })
      .catch((failure: unknown) => {
        if (isApiError(failure, 'CONFLICT')) {
          stopped.current = true;
          const found = conflictOf(failure.rawDetails);
          setConflicted(found);
          setState('conflict');
          conflict.current(found);
          return;
        }
        // Kept as not saved: the next change, or "try again", sends it once more.
        dirty.current = true;
        failed.current = true;
        setError(failure);
        setState('failed');
      })
      .finally(() => {
        inFlight.current = null;
      });
    inFlight.current = run;
    await run;
    if (dirty.current && !stopped.current && !failed.current) return send();
    return !dirty.current && !stopped.current;
  }, [participantId, round.id, queryClient]);

  const change = useCallback(
    (update: (current: TRatings) => TRatings) => {
      if (stopped.current) return;
      const next = update(latest.current);
      latest.current = next;
      setRatings(next);
      dirty.current = true;
      failed.current = false;
      setState('pending');
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void send(), PAUSE_MS);
    },
    [send],
  );

  const setStep = useCallback(
    (sphere: Sphere, step: ScaleStep) =>
      change((current) => ({ ...current, [sphere]: { reason: current[sphere]?.reason ?? null, step } })),
    [change],
  );
  const setReason = useCallback(
    (sphere: Sphere, reason: string) =>
      change((current) => ({ ...current, [sphere]: { step: current[sphere]?.step ?? null, reason } })),
    [change],
  );

  // Leaving the page with changes not yet sent: the browser asks first; leaving the screen
  // inside the app sends them.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (dirty.current || inFlight.current) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      if (dirty.current && !stopped.current) void send();
    };
  }, [send]);

  const flush = useCallback(() => {
    failed.current = false;
    return send();
  }, [send]);

  return { ratings, state, error, conflict: conflicted, setStep, setReason, flush };
}
