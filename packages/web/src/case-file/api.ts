/** Calls for her file as a whole: export downloads and retention holds. */
import {
  type TClearRetentionHoldRequest,
  type TRetentionHoldRequest,
  ZErrorResponse,
  ZRetentionHold,
  ZRetentionHoldList,
} from '@cope/contracts';
import { queryOptions } from '@tanstack/react-query';
import { ApiError, api, requestStepUp } from '../api/client';

export const holdsQuery = (participantId: string) =>
  queryOptions({
    queryKey: ['participants', participantId, 'retention-holds'],
    queryFn: ({ signal }) =>
      api(`/api/participants/${participantId}/retention-holds`, ZRetentionHoldList, { signal }),
  });

/** Active holds of the whole organization, for administrators. */
export const organizationHoldsQuery = queryOptions({
  queryKey: ['retention-holds'],
  queryFn: ({ signal }) => api('/api/retention-holds', ZRetentionHoldList, { signal }),
});

export const placeHold = (participantId: string, body: TRetentionHoldRequest) =>
  api(`/api/participants/${participantId}/retention-holds`, ZRetentionHold, { method: 'POST', body });

export const clearHold = (participantId: string, holdId: string, body: TClearRetentionHoldRequest) =>
  api(`/api/participants/${participantId}/retention-holds/${holdId}/clear`, ZRetentionHold, {
    method: 'POST',
    body,
  });

async function errorOf(response: Response): Promise<ApiError> {
  const parsed = ZErrorResponse.safeParse(await response.json().catch(() => null));
  return parsed.success
    ? new ApiError(parsed.data.error.code, parsed.data.error.message, [], response.status)
    : new ApiError(
        response.status >= 500 ? 'INTERNAL' : 'BAD_RESPONSE',
        'Unexpected response.',
        [],
        response.status,
      );
}

/** The file name the server proposes in Content-Disposition. */
function fileNameOf(response: Response, fallback: string): string {
  const header = response.headers.get('content-disposition') ?? '';
  return /filename="([^"]+)"/.exec(header)?.[1] ?? fallback;
}

/**
 * Fetches a file and hands it to the browser to save. Exports need a fresh second factor: when
 * the server asks for it, the step-up dialog opens and the download is tried once more.
 */
export async function download(path: string, fallbackName: string): Promise<void> {
  const get = () =>
    fetch(path, { credentials: 'same-origin' }).catch(() => {
      throw new ApiError('NETWORK', 'The server could not be reached.', [], 0);
    });
  let response = await get();
  if (!response.ok) {
    const error = await errorOf(response);
    if (error.code !== 'STEP_UP_REQUIRED' || !(await requestStepUp())) throw error;
    response = await get();
    if (!response.ok) throw await errorOf(response);
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameOf(response, fallbackName);
  document.body.append(link);
  link.click();
  link.remove();
  // Leave the browser time to start the download before the file is released.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
