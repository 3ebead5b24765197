/**
 * The organization's safety page: risk areas on the map, the risk management protocol and the
 * reassessment settings. The open tab lives in the address (?tab=protocol).
 */
import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ProtocolPanel } from '../incidents/ProtocolPanel';
import { SafetySettingsPanel } from '../incidents/SafetySettingsPanel';
import { PageHeader } from '../layout/PageHeader';
import { AreasPanel } from '../risk-areas/AreasPanel';

const TABS = ['areas', 'protocol', 'settings'] as const;
type Tab = (typeof TABS)[number];

export function SafetyPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const value = params.get('tab');
  const tab: Tab = (TABS as readonly string[]).includes(value ?? '') ? (value as Tab) : 'areas';
  const setTab = (next: Tab) =>
    setParams(next === 'areas' ? {} : { tab: next }, { replace: true, preventScrollReset: true });
  return (
    <>
      <PageHeader title={t('safety.title')} description={t('safety.description')} />
      <Tabs value={tab} onChange={(next) => next && setTab(next as Tab)} keepMounted={false}>
        <Tabs.List mb="lg">
          <Tabs.Tab value="areas">{t('safety.tabs.areas')}</Tabs.Tab>
          <Tabs.Tab value="protocol">{t('safety.tabs.protocol')}</Tabs.Tab>
          <Tabs.Tab value="settings">{t('safety.tabs.settings')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="areas">
          <AreasPanel />
        </Tabs.Panel>
        <Tabs.Panel value="protocol">
          <ProtocolPanel />
        </Tabs.Panel>
        <Tabs.Panel value="settings">
          <SafetySettingsPanel />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
