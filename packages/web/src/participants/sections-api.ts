import { type TBreakGlassRequest, type TNoteVisibility, ZSectionView } from '@cope/contracts';
import type { Section } from '@cope/domain';
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../api/client';

export const sectionQuery = (participantId: string, section: Section) =>
  queryOptions({
    queryKey: ['participants', 'section', participantId, section],
    queryFn: ({ signal }) =>
      api(`/api/participants/${participantId}/sections/${section}`, ZSectionView, { signal }),
  });

export const addNote = (participantId: string, section: Section, body: string, visibility: TNoteVisibility) =>
  api(`/api/participants/${participantId}/sections/${section}/notes`, z.object({ id: z.string() }), {
    method: 'POST',
    body: { body, visibility },
  });

export const breakGlass = (participantId: string, request: TBreakGlassRequest) =>
  api(
    `/api/participants/${participantId}/break-glass`,
    z.object({ section: z.string(), expiresAt: z.string() }),
    {
      method: 'POST',
      body: request,
    },
  );
