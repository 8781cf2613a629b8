/** The wall's main panels for one page of a picture (live or of the past): tension, troops, meetings. */
import type { PublicState } from '../../../../shared/state.js';
import { MeetingsPanel } from './MeetingsPanel.js';
import { TensionPanel } from './TensionPanel.js';
import { TroopsPanel } from './TroopsPanel.js';
import type { MainPanel } from './wallParams.js';

export function WallPanel({ name, state }: { name: MainPanel; state: PublicState | null }) {
  if (!state) return <section className="wall-panel wall-panel-waiting" />;
  switch (name) {
    case 'tension':
      return <TensionPanel tension={state.tension} />;
    case 'troops':
      return <TroopsPanel troops={state.troops} />;
    case 'meetings':
      return <MeetingsPanel meetings={state.meetings} />;
  }
}
