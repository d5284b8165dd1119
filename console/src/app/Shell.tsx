import { useEffect } from 'react';
import { ROLE_LABELS } from '../features/auth/roles';
import { ChannelAlert } from '../features/channel/ChannelAlert';
import { Button } from '../ui/Button';
import { useConsole } from './console-context';
import { NotFoundPage } from './NotFoundPage';
import { Link, usePath } from './router';
import { ACCOUNT_PATH, sectionOf, sectionsFor } from './sections';

/** The frame around every page: who is signed in, the sections, and the page itself. */
export const Shell = () => {
  const { config, user, signOut } = useConsole();
  const path = usePath();
  const sections = sectionsFor(user);
  const section = sectionOf(sections, path);

  useEffect(() => {
    document.title = `${section?.label ?? 'Página não encontrada'} · ${config.city.channel_name}`;
  }, [section, config.city.channel_name]);

  return (
    <div className="shell">
      <a className="skip-link" href="#conteudo">
        Pular para o conteúdo
      </a>
      <header className="topbar">
        <Link to="/" className="brand">
          <span className="brand__mark" aria-hidden="true" />
          <span>
            <span className="brand__city">{config.city.name}</span>
            <span className="brand__product">{config.city.channel_name}</span>
          </span>
        </Link>
        <div className="topbar__end">
          {config.simulator && (
            <a className="topbar__simulator" href="/simulador" target="_blank" rel="noreferrer">
              Simulador do WhatsApp
            </a>
          )}
          <Link to={ACCOUNT_PATH} className="user-badge" aria-label={`Minha conta: ${user.name}`}>
            <span className="user-badge__name">{user.name}</span>
            <span className="user-badge__role">{ROLE_LABELS[user.role]}</span>
          </Link>
          <Button variant="ghost" onClick={() => void signOut()}>
            Sair
          </Button>
        </div>
      </header>
      <nav className="sidebar" aria-label="Seções">
        <ul>
          {sections.filter((s) => s.inMenu !== false).map((s) => (
            <li key={s.path}>
              <Link to={s.path} className="sidebar__link" aria-current={s === section ? 'page' : undefined}>
                {s.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <main className="content" id="conteudo" tabIndex={-1}>
        <ChannelAlert />
        {section ? section.render(path) : <NotFoundPage />}
      </main>
    </div>
  );
};
