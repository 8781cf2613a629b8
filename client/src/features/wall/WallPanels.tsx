/** The wall's main panels for one page of a picture (live or of the past): tension, troops, meetings. */
import type { PublicState } from '../../../../shared/state.js';
import { MeetingsPanel } from './MeetingsPanel.js';
import { TensionPanel } from './TensionPanel.js';
import { TroopsPanel } from './TroopsPanel.js';
import { verifiedMeetings, verifiedTroops } from './verifiedView.js';
import type { MainPanel } from './wallParams.js';

/** `verifiedOnly` (`/wall?verified=1`): verified troop figures and meetings only. */
export function WallPanel({
  name,
  state,
  verifiedOnly = false,
}: {
  name: MainPanel;
  state: PublicState | null;
  verifiedOnly?: boolean;
}) {
  if (!state) return <section className="wall-panel wall-panel-waiting" />;
  switch (name) {
    case 'tension':
      return <TensionPanel tension={state.tension} />;
    case 'troops':
      return (
        <TroopsPanel troops={verifiedOnly ? verifiedTroops(state.troops) : state.troops} verifiedOnly={verifiedOnly} />
      );
    case 'meetings':
      return (
        <MeetingsPanel
          meetings={verifiedOnly ? verifiedMeetings(state.meetings) : state.meetings}
          verifiedOnly={verifiedOnly}
        />
      );
  }
}
