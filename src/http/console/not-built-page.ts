/** What `/` says when the server runs without a built console (a checkout where `npm run build` never ran). */
export const notBuiltPage = (): string => `<!doctype html>
<html lang="pt-BR">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Console não compilado · Whats Palmas</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; color: #1f2933; background: #f5f7f6; margin: 0; display: grid; place-items: center; min-height: 100vh; }
  main { max-width: 34rem; margin: 1.5rem; padding: 2rem; background: #fff; border-radius: 12px; box-shadow: 0 1px 3px rgb(0 0 0 / 0.1); }
  h1 { font-size: 1.35rem; margin: 0 0 0.75rem; }
  code { background: #eef2f1; padding: 0.1rem 0.35rem; border-radius: 4px; }
</style>
</head>
<body>
<main>
  <h1>O console de atendimento ainda não foi compilado</h1>
  <p>O servidor está funcionando, mas não encontrou os arquivos do console.</p>
  <p>Para compilar, rode <code>npm run build</code> na pasta do projeto e recarregue esta página.
  (<code>npm ci</code> já faz isso ao instalar.)</p>
  <p>Enquanto isso, a API e a sua documentação estão em <a href="/api/docs">/api/docs</a>.</p>
</main>
</body>
</html>
`;
