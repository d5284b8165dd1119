import { Link } from './router';

export const NotFoundPage = () => (
  <div className="not-found">
    <h1 className="page-header__title">Página não encontrada</h1>
    <p>O endereço não corresponde a nenhuma parte do console.</p>
    <p>
      <Link to="/">Voltar ao painel</Link>
    </p>
  </div>
);
