import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { useConsole } from '../../app/console-context';
import { navigate } from '../../app/router';
import './city-map.css';

export interface MapMarker {
  id: string;
  latitude: number;
  longitude: number;
  /** A CSS colour: the marker's fill. */
  color: string;
  /** First line of the popup (e.g. the protocol). */
  title: string;
  /** Second line of the popup. */
  detail?: string;
  /** Where clicking the title leads (inside the console). */
  href?: string;
}

interface CityMapProps {
  /** What the map shows, for screen readers ("Mapa dos pedidos"). */
  label: string;
  markers?: MapMarker[];
  /** A point chosen by the user, drawn apart from the markers. */
  picked?: { latitude: number; longitude: number } | null;
  /** When set, clicking the map picks a point. */
  onPick?: (point: { latitude: number; longitude: number }) => void;
  /** Zoom on the markers (or the picked point) instead of the whole city; only with tiles, which give them a context. */
  fitMarkers?: boolean;
  className?: string;
}

const popupOf = (marker: MapMarker): HTMLElement => {
  const box = document.createElement('div');
  box.className = 'city-map__popup';
  const title = document.createElement(marker.href ? 'a' : 'strong');
  title.textContent = marker.title;
  if (marker.href && title instanceof HTMLAnchorElement) {
    const href = marker.href;
    title.href = href;
    title.addEventListener('click', (event) => {
      event.preventDefault();
      navigate(href);
    });
  }
  box.append(title);
  if (marker.detail) {
    const detail = document.createElement('span');
    detail.textContent = marker.detail;
    box.append(detail);
  }
  return box;
};

/**
 * The city on a Leaflet map: the outline always (so points have a frame without tiles), the tile layer when the
 * server has MAP_TILE_URL, markers as coloured circles, and optionally a point the user picks by clicking.
 */
export const CityMap = ({ label, markers = [], picked = null, onPick, fitMarkers = false, className }: CityMapProps) => {
  const { config } = useConsole();
  const element = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const layers = useRef<L.LayerGroup | null>(null);
  const pickRef = useRef(onPick);
  useEffect(() => {
    pickRef.current = onPick;
  }, [onPick]);

  useEffect(() => {
    if (!element.current) return;
    const created = L.map(element.current, { zoomControl: true, attributionControl: Boolean(config.map), preferCanvas: false });
    created.attributionControl?.setPrefix(false);
    if (config.map) L.tileLayer(config.map.tile_url, { attribution: config.map.attribution, maxZoom: 19 }).addTo(created);
    const outline = L.polygon(config.boundary, { className: 'city-map__outline', interactive: false }).addTo(created);
    created.fitBounds(outline.getBounds(), { padding: [8, 8] });
    created.on('click', (event: L.LeafletMouseEvent) => pickRef.current?.({ latitude: event.latlng.lat, longitude: event.latlng.lng }));
    layers.current = L.layerGroup().addTo(created);
    map.current = created;
    return () => {
      created.remove();
      map.current = null;
    };
  }, [config.map, config.boundary]);

  useEffect(() => {
    const group = layers.current;
    const current = map.current;
    if (!group || !current) return;
    group.clearLayers();
    for (const marker of markers) {
      L.circleMarker([marker.latitude, marker.longitude], { radius: 8, color: '#ffffff', weight: 2, fillColor: marker.color, fillOpacity: 0.95 })
        .bindPopup(popupOf(marker))
        .addTo(group);
    }
    if (picked) L.circleMarker([picked.latitude, picked.longitude], { radius: 10, className: 'city-map__picked' }).addTo(group);
    const points: L.LatLngExpression[] = [...markers.map((m): L.LatLngTuple => [m.latitude, m.longitude]), ...(picked ? [[picked.latitude, picked.longitude] as L.LatLngTuple] : [])];
    if (fitMarkers && config.map && points.length > 0) current.fitBounds(L.latLngBounds(points), { padding: [24, 24], maxZoom: 16 });
  }, [markers, picked, fitMarkers, config.map]);

  return (
    <div
      ref={element}
      className={['city-map', onPick ? 'city-map--picking' : '', className].filter(Boolean).join(' ')}
      role="region"
      aria-label={label}
    />
  );
};

/** Whether a point falls inside the city outline ([lat, lng] vertices; ray casting, flat earth at city scale). */
export const isInsideOutline = (point: { latitude: number; longitude: number }, outline: ReadonlyArray<[number, number]>): boolean => {
  let inside = false;
  for (let i = 0, j = outline.length - 1; i < outline.length; j = i, i += 1) {
    const [latI, lngI] = outline[i] as [number, number];
    const [latJ, lngJ] = outline[j] as [number, number];
    if (lngI > point.longitude !== lngJ > point.longitude && point.latitude < ((latJ - latI) * (point.longitude - lngI)) / (lngJ - lngI) + latI) inside = !inside;
  }
  return inside;
};
