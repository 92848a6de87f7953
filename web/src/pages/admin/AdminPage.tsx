// /administration: an administrator's work in four tabs, the chosen one in the URL (?flik=…, so that
// Back and bookmarks work): users, units, the settings, the code lists. Anyone else is told they may not.
import { Alert, Tabs } from "@navikt/ds-react";
import { useSearchParams } from "react-router-dom";
import type { Session } from "../../api/queries";
import { CodeListsPanel } from "../../components/admin/CodeListsPanel";
import { SettingsPanel } from "../../components/admin/SettingsPanel";
import { UnitsPanel } from "../../components/admin/UnitsPanel";
import { UsersPanel } from "../../components/admin/UsersPanel";
import { PageHeading } from "../../components/PageHeading";
import { useT } from "../../i18n";
import { isAdmin } from "../../roles";

const tabs = ["anvandare", "enheter", "installningar", "kodlistor"] as const;
type Tab = (typeof tabs)[number];

export function AdminPage({ session }: { session: Session }) {
  const t = useT();
  const [params, setParams] = useSearchParams();
  if (!isAdmin(session))
    return (
      <>
        <PageHeading>{t.admin.title}</PageHeading>
        <Alert variant="warning">{t.admin.notAllowed}</Alert>
      </>
    );
  const asked = params.get("flik") as Tab | null;
  const tab: Tab = asked && tabs.includes(asked) ? asked : "anvandare";
  return (
    <>
      <PageHeading>{t.admin.title}</PageHeading>
      <Tabs value={tab} onChange={(next) => setParams({ flik: next })}>
        <Tabs.List>
          <Tabs.Tab value="anvandare" label={t.admin.tabUsers} />
          <Tabs.Tab value="enheter" label={t.admin.tabUnits} />
          <Tabs.Tab value="installningar" label={t.admin.tabSettings} />
          <Tabs.Tab value="kodlistor" label={t.admin.tabCodeLists} />
        </Tabs.List>
        <Tabs.Panel value="anvandare" className="tab-panel">
          <UsersPanel />
        </Tabs.Panel>
        <Tabs.Panel value="enheter" className="tab-panel">
          <UnitsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="installningar" className="tab-panel">
          <SettingsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="kodlistor" className="tab-panel">
          <CodeListsPanel />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
