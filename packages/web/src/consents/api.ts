/** Calls of the consent register and section sharing. */
import {
  type TRecordConsentRequest,
  type TShareSectionRequest,
  type TWithdrawConsentRequest,
  ZConsent,
  ZConsentList,
  ZExplainerList,
  ZScanUploaded,
  ZSectionShare,
  ZShareList,
  ZWithdrawConsentResponse,
} from '@cope/contracts';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../api/client';

const base = (participantId: string) => `/api/participants/${encodeURIComponent(participantId)}`;

export const consentsQuery = (participantId: string) =>
  queryOptions({
    queryKey: ['participants', 'consents', participantId],
    queryFn: ({ signal }) => api(`${base(participantId)}/consents`, ZConsentList, { signal }),
  });

export const explainersQuery = (participantId: string) =>
  queryOptions({
    queryKey: ['participants', 'consent-explainers', participantId],
    queryFn: ({ signal }) => api(`${base(participantId)}/consents/explainers`, ZExplainerList, { signal }),
    staleTime: 5 * 60_000,
  });

export const sharesQuery = (participantId: string) =>
  queryOptions({
    queryKey: ['participants', 'shares', participantId],
    queryFn: ({ signal }) => api(`${base(participantId)}/shares`, ZShareList, { signal }),
  });

export const recordConsent = (participantId: string, body: TRecordConsentRequest) =>
  api(`${base(participantId)}/consents`, ZConsent, { method: 'POST', body });

export const withdrawConsent = (participantId: string, consentId: string, body: TWithdrawConsentRequest) =>
  api(`${base(participantId)}/consents/${consentId}/withdraw`, ZWithdrawConsentResponse, {
    method: 'POST',
    body,
  });

export const uploadScan = (participantId: string, consentId: string, file: File) => {
  const form = new FormData();
  form.append('file', file);
  return api(`${base(participantId)}/consents/${consentId}/scan`, ZScanUploaded, {
    method: 'POST',
    body: form,
  });
};

export const scanUrl = (participantId: string, consentId: string) =>
  `${base(participantId)}/consents/${consentId}/scan`;

export const formUrl = (
  participantId: string,
  query: { language: string; purpose?: string; recipient?: string; categories?: string[] },
) => {
  const params = new URLSearchParams({ language: query.language });
  if (query.purpose) params.set('purpose', query.purpose);
  if (query.recipient) params.set('recipient', query.recipient);
  if (query.categories && query.categories.length > 0) params.set('categories', query.categories.join(','));
  return `${base(participantId)}/consents/form.pdf?${params}`;
};

export const shareSection = (participantId: string, body: TShareSectionRequest) =>
  api(`${base(participantId)}/shares`, ZSectionShare, { method: 'POST', body });

export const endShare = (participantId: string, shareId: string) =>
  api(`${base(participantId)}/shares/${shareId}/end`, ZSectionShare, { method: 'POST' });
