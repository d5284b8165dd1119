import { useMemo } from 'react';
import { encode } from 'uqr';

/** Modules of quiet zone around the code, as the QR specification asks (readers need the white border). */
const QUIET = 4;

/** A QR code drawn as one SVG path, made in the browser: the text (a secret, often) never leaves the page. */
export const QrCode = ({ text, label, size = 220 }: { text: string; label: string; size?: number }) => {
  const { path, width } = useMemo(() => {
    const qr = encode(text, { ecc: 'M', border: 0 });
    const squares = qr.data.flatMap((row, y) => row.map((dark, x) => (dark ? `M${x + QUIET} ${y + QUIET}h1v1h-1z` : '')));
    return { path: squares.join(''), width: qr.size + 2 * QUIET };
  }, [text]);
  return (
    <svg className="qr-code" role="img" aria-label={label} width={size} height={size} viewBox={`0 0 ${width} ${width}`} shapeRendering="crispEdges">
      <rect width={width} height={width} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
};
