/**
 * The one shell of every page but the wall: the same header (name, navigation, connection badge,
 * the page's own tools) and the keyboard help (`?`). Pages put their content inside it.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { ConnectionBadge, type ConnectionView } from '../ConnectionBadge.js';
import { HelpOverlay, type Shortcut } from './HelpOverlay.js';
import { currentNavId, isTyping, navHref, navItems } from './navigation.js';
import './shell.css';

export function AppShell({
  connection,
  shortcuts = [],
  tools,
  className = '',
  crisis,
  children,
}: {
  /** The crisis the page shows, if it shows one: the wall and trends links open on it. */
  crisis?: string | null;
  /** The page's live connection, shown as the badge. */
  connection: ConnectionView;
  /** The page's own keys, listed in the help overlay. */
  shortcuts?: readonly Shortcut[];
  /** Page controls shown in the header after the navigation (signed-in user, screens of the desk). */
  tools?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  const [helpOpen, setHelpOpen] = useState(false);
  const current = currentNavId(window.location.pathname, window.location.search);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '?' || isTyping(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      e.preventDefault();
      setHelpOpen(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className={`app-shell ${className}`} data-testid="app-shell">
      <header className="shell-header">
        <a className="shell-brand" href="/">
          Crisis Desk
        </a>
        <nav className="shell-nav" aria-label="Pages" data-testid="app-nav">
          {navItems.map((n) => (
            <a
              key={n.id}
              href={navHref(n, crisis)}
              aria-current={n.id === current ? 'page' : undefined}
              data-nav={n.id}
            >
              {n.label}
            </a>
          ))}
        </nav>
        <ConnectionBadge feed={connection} />
        {tools && <div className="shell-tools">{tools}</div>}
        <button
          type="button"
          className="shell-help"
          aria-label="Keyboard shortcuts"
          aria-haspopup="dialog"
          data-testid="help-open"
          onClick={() => setHelpOpen(true)}
        >
          ?
        </button>
      </header>
      <div className="shell-body">{children}</div>
      {helpOpen && <HelpOverlay shortcuts={shortcuts} onClose={() => setHelpOpen(false)} />}
    </div>
  );
}
