/** Hộ gia đình: `#/households` lists, `#/households/new` creates, `#/households/<id>` opens one household. */
import { useHashRoute } from '../router/useHashRoute.ts';
import { HouseholdEditorPage } from './HouseholdEditorPage.tsx';
import { HouseholdListPage } from './HouseholdListPage.tsx';

export function HouseholdsPage() {
  const path = useHashRoute();
  const rest = path.replace(/^\/households\/?/, '');
  if (rest === 'new') return <HouseholdEditorPage key="new" id={null} />;
  const id = Number(rest);
  if (rest && Number.isInteger(id) && id > 0) return <HouseholdEditorPage key={`edit-${id}`} id={id} />;
  return <HouseholdListPage />;
}
