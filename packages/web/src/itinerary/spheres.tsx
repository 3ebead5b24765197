/** The fourteen spheres as staff read them: a name and an icon each (DOMAIN.md order). */
import type { BasicNeed, Sphere } from '@cope/domain';
import {
  type Icon,
  IconBabyCarriage,
  IconBook,
  IconBrain,
  IconBriefcase,
  IconBuildingCommunity,
  IconCoin,
  IconGavel,
  IconHeartbeat,
  IconHome,
  IconId,
  IconMapPin,
  IconShieldCheck,
  IconSparkles,
  IconUsers,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export function useSphereLabels(): Record<Sphere, string> {
  const { t } = useTranslation();
  return {
    housing: t('itinerary.sphere.housing'),
    legal_status: t('itinerary.sphere.legalStatus'),
    employment: t('itinerary.sphere.employment'),
    education: t('itinerary.sphere.education'),
    safety: t('itinerary.sphere.safety'),
    social_environment: t('itinerary.sphere.socialEnvironment'),
    social_relations: t('itinerary.sphere.socialRelations'),
    economic: t('itinerary.sphere.economic'),
    physical_health: t('itinerary.sphere.physicalHealth'),
    mental_health: t('itinerary.sphere.mentalHealth'),
    access_to_services: t('itinerary.sphere.accessToServices'),
    motivation: t('itinerary.sphere.motivation'),
    legal_proceedings: t('itinerary.sphere.legalProceedings'),
    family: t('itinerary.sphere.family'),
  };
}

export function useBasicNeedLabels(): Record<BasicNeed, string> {
  const { t } = useTranslation();
  return {
    safe_housing: t('itinerary.basicNeed.safeHousing'),
    food: t('itinerary.basicNeed.food'),
    clothing: t('itinerary.basicNeed.clothing'),
    health_care: t('itinerary.basicNeed.healthCare'),
  };
}

/** One icon per sphere, the same on every screen (and in the printed plan's spirit). */
export const SPHERE_ICON: Record<Sphere, Icon> = {
  housing: IconHome,
  legal_status: IconId,
  employment: IconBriefcase,
  education: IconBook,
  safety: IconShieldCheck,
  social_environment: IconMapPin,
  social_relations: IconUsers,
  economic: IconCoin,
  physical_health: IconHeartbeat,
  mental_health: IconBrain,
  access_to_services: IconBuildingCommunity,
  motivation: IconSparkles,
  legal_proceedings: IconGavel,
  family: IconBabyCarriage,
};

export function SphereIcon({ sphere, size = 20 }: { sphere: Sphere; size?: number }) {
  const Component = SPHERE_ICON[sphere];
  return <Component size={size} aria-hidden="true" stroke={1.6} />;
}
