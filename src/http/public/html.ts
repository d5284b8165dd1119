/** Escapes text for HTML content and attribute values. */
export const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** WhatsApp's *bold*, _italic_ and ~strike~, and web addresses as links, on already escaped text. */
const strong = (escaped: string): string =>
  escaped
    .replace(/\*([^*\n]+)\*/g, '<strong>$1</strong>')
    .replace(/(^|\s)_([^_\n]+)_(?=\s|$|[.,;!?])/g, '$1<em>$2</em>')
    .replace(/~([^~\n]+)~/g, '<s>$1</s>')
    .replace(/\bhttps?:\/\/[^\s<]+[^\s<.,;!?)]/g, (url) => `<a href="${url}" rel="noopener">${url}</a>`);

/**
 * City texts as HTML: blank-line paragraphs, "• " lines as a list, *bold* as in WhatsApp. Everything is escaped
 * first, so a text can never inject markup.
 */
export const textToHtml = (text: string): string =>
  text
    .split(/\n{2,}/)
    .map((block) => {
      const lines = block.split('\n');
      if (lines.every((line) => line.startsWith('• '))) return `<ul>${lines.map((line) => `<li>${strong(escapeHtml(line.slice(2)))}</li>`).join('')}</ul>`;
      return `<p>${lines.map((line) => strong(escapeHtml(line))).join('<br>')}</p>`;
    })
    .join('\n');

const STYLE = `
:root { color-scheme: light; font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif; color: #17251f; background: #f3f5f4; }
body { margin: 0; line-height: 1.6; }
header { background: #0f5f53; color: #fff; padding: 1.25rem 1rem; }
header p { margin: 0; opacity: 0.85; }
main { max-width: 44rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 1rem; }
h2 { font-size: 1.15rem; margin: 2rem 0 0.5rem; }
ul { padding-left: 1.25rem; }
footer { color: #56665f; font-size: 0.875rem; margin-top: 2.5rem; }
article { background: #fff; border: 1px solid #dfe5e2; border-radius: 10px; padding: 1rem 1.25rem; margin: 0 0 1rem; }
article h2 { margin: 0 0 0.25rem; }
.meta { color: #56665f; font-size: 0.875rem; margin: 0 0 0.5rem; }
nav.topics { display: flex; flex-wrap: wrap; gap: 0.5rem; margin: 0 0 1.5rem; }
nav.topics a { padding: 0.25rem 0.75rem; border: 1px solid #c4cfca; border-radius: 999px; text-decoration: none; }
nav.topics a[aria-current] { background: #0f5f53; color: #fff; border-color: #0f5f53; }
a { color: #0f5f53; }
`;

/** A public page of the city (no sign-in, no script): readable on a phone, printable, accessible. */
export const publicPage = (page: { title: string; site: string; body: string; head?: string }): string => `<!doctype html>
<html lang="pt-BR">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)} · ${escapeHtml(page.site)}</title>
<style>${STYLE}</style>
${page.head ?? ''}
</head>
<body>
<header><p>${escapeHtml(page.site)}</p></header>
<main>
${page.body}
</main>
</body>
</html>
`;
