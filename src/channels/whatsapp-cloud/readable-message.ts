interface Readable {
  text?: { body?: string };
  interactive?: {
    header?: { text?: string };
    body?: { text?: string };
    footer?: { text?: string };
    action?: { button?: string; buttons?: Array<{ reply?: { title?: string } }>; sections?: Array<{ rows?: Array<{ title?: string }> }> };
  };
  template?: { name?: string; components?: Array<{ parameters?: Array<{ text?: string }> }> };
  image?: { caption?: string };
  location?: { name?: string; address?: string };
  reaction?: { emoji?: string };
}

/**
 * Everything a citizen can read in a message body sent to the Graph API, one part per line: texts, headers, bodies,
 * footers, button and row titles, template name and parameters. For the console's history and for tests.
 */
export const readableText = (message: unknown): string => {
  if (message === null || typeof message !== 'object') return '';
  const content = message as Readable;
  const interactive = content.interactive;
  const parts = [
    content.text?.body,
    interactive?.header?.text,
    interactive?.body?.text,
    interactive?.footer?.text,
    interactive?.action?.button,
    ...(interactive?.action?.buttons ?? []).map((b) => b.reply?.title),
    ...(interactive?.action?.sections ?? []).flatMap((s) => (s.rows ?? []).map((r) => r.title)),
    content.template?.name,
    ...(content.template?.components ?? []).flatMap((c) => (c.parameters ?? []).map((p) => p.text)),
    content.image?.caption,
    content.location?.name,
    content.location?.address,
    content.reaction?.emoji,
  ];
  return parts.filter((part): part is string => typeof part === 'string' && part !== '').join('\n');
};
