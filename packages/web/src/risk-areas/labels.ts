/** Names and colours of risk-area categories and place kinds. Colour never stands alone: the name is always written. */
import type { PlaceKind, RiskAreaCategory } from '@cope/domain';
import { useTranslation } from 'react-i18next';

export function useCategoryLabels(): Record<RiskAreaCategory, string> {
  const { t } = useTranslation();
  return {
    network_activity: t('riskAreas.category.networkActivity'),
    exploitation_venue: t('riskAreas.category.exploitationVenue'),
    connected_people: t('riskAreas.category.connectedPeople'),
    other: t('riskAreas.category.other'),
  };
}

export function usePlaceKindLabels(): Record<PlaceKind, string> {
  const { t } = useTranslation();
  return {
    home: t('riskAreas.kind.home'),
    training_venue: t('riskAreas.kind.trainingVenue'),
    workplace: t('riskAreas.kind.workplace'),
    other: t('riskAreas.kind.other'),
  };
}

/** Outline colours on the map, dark enough to read against a blank or a tiled background. */
export const CATEGORY_COLOURS: Record<RiskAreaCategory, string> = {
  network_activity: '#c92a2a',
  exploitation_venue: '#d9480f',
  connected_people: '#6741d9',
  other: '#1864ab',
};

export const PLACE_COLOUR = '#0b7285';
export const FLAGGED_PLACE_COLOUR = '#a61e4d';
export const DRAFT_COLOUR = '#212529';
