/**
 * A small React wrapper around Leaflet: risk areas as outlines coloured by category, places as
 * round markers, the outline being drawn, and the point being picked. Background tiles are
 * added only when the organization configured a tile server; without one (offline deployments,
 * tests) the map draws a light grid of longitude and latitude lines instead, so panning and
 * zooming still make sense, and says plainly that there is no background map.
 *
 * Everything the map shows is also written next to it (lists, typed coordinates): the map is an
 * aid, never the only way to read or enter a point. Leaflet's image markers are not used (their
 * image files break under the bundler); tooltips get text nodes, never HTML.
 */
import 'leaflet/dist/leaflet.css';
import type { TMapConfig } from '@cope/contracts';
import type { RiskAreaCategory } from '@cope/domain';
import { Box, Text } from '@mantine/core';
import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CATEGORY_COLOURS, DRAFT_COLOUR, FLAGGED_PLACE_COLOUR, PLACE_COLOUR } from './labels';
import type { Point } from './points';

export interface MapArea {
  id: string;
  label: string;
  category: RiskAreaCategory;
  polygon: Point[];
}

export interface MapPlace {
  id: string;
  point: Point;
  /** Shown on hover or focus; plain text. */
  title: string;
  flagged: boolean;
}

export interface MapViewProps {
  config: TMapConfig;
  areas: readonly MapArea[];
  places?: readonly MapPlace[];
  /** The outline being drawn, in the order clicked. */
  draft?: readonly Point[];
  /** The area being changed, drawn fainter while its new outline is drawn. */
  editingAreaId?: string | null;
  /** The point being picked for a place. */
  picked?: Point | null;
  /** Called with [longitude, latitude] when someone clicks on the map. */
  onMapClick?: (point: Point) => void;
  /** What the map shows, for screen readers. */
  label: string;
  height?: number;
}

const toLatLng = ([lng, lat]: readonly [number, number]): L.LatLngTuple => [lat, lng];

function textNode(text: string): HTMLElement {
  const span = document.createElement('span');
  span.textContent = text;
  return span;
}

// Grid spacings in degrees, from a continent down to a street.
const GRID_STEPS = [10, 5, 2, 1, 0.5, 0.2, 0.1, 0.05, 0.02, 0.01, 0.005, 0.002, 0.001, 0.0005, 0.0002];

/** Longitude and latitude lines every "round" step, about six to twelve across the view. */
function drawGrid(map: L.Map, layer: L.LayerGroup): void {
  layer.clearLayers();
  const bounds = map.getBounds();
  const span = Math.max(bounds.getEast() - bounds.getWest(), bounds.getNorth() - bounds.getSouth());
  const step = GRID_STEPS.find((s) => span / s >= 6) ?? GRID_STEPS[GRID_STEPS.length - 1] ?? 0.001;
  const style = { color: '#ced4da', weight: 1, interactive: false };
  const south = Math.max(bounds.getSouth(), -85);
  const north = Math.min(bounds.getNorth(), 85);
  for (let lng = Math.floor(bounds.getWest() / step) * step; lng <= bounds.getEast(); lng += step) {
    L.polyline(
      [
        [south, lng],
        [north, lng],
      ],
      style,
    ).addTo(layer);
  }
  for (let lat = Math.floor(south / step) * step; lat <= north; lat += step) {
    L.polyline(
      [
        [lat, bounds.getWest()],
        [lat, bounds.getEast()],
      ],
      style,
    ).addTo(layer);
  }
}

export function MapView({
  config,
  areas,
  places = [],
  draft = [],
  editingAreaId = null,
  picked = null,
  onMapClick,
  label,
  height = 420,
}: MapViewProps) {
  const { t } = useTranslation();
  const container = useRef<HTMLElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const contentRef = useRef<L.LayerGroup | null>(null);
  const clickRef = useRef(onMapClick);
  clickRef.current = onMapClick;
  const fittedTo = useRef<string>('');
  const hasTiles = config.tileUrl !== '';

  // The map itself: created once per configuration, removed with the component.
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const map = L.map(element, { attributionControl: false, zoomSnap: 0.5 }).setView(
      toLatLng(config.center),
      config.zoom,
    );
    if (config.tileUrl) {
      L.tileLayer(config.tileUrl, { maxZoom: 19 }).addTo(map);
    } else {
      const grid = L.layerGroup().addTo(map);
      const redraw = () => drawGrid(map, grid);
      map.on('moveend zoomend resize', redraw);
      redraw();
    }
    contentRef.current = L.layerGroup().addTo(map);
    map.on('click', (event: L.LeafletMouseEvent) => {
      clickRef.current?.([event.latlng.lng, event.latlng.lat]);
    });
    mapRef.current = map;
    const resize = new ResizeObserver(() => map.invalidateSize());
    resize.observe(element);
    return () => {
      resize.disconnect();
      map.remove();
      mapRef.current = null;
      contentRef.current = null;
      fittedTo.current = '';
    };
  }, [config.tileUrl, config.center, config.zoom]);

  // What is drawn on it, redrawn whenever it changes.
  useEffect(() => {
    const map = mapRef.current;
    const layer = contentRef.current;
    if (!map || !layer) return;
    layer.clearLayers();
    for (const area of areas) {
      const colour = CATEGORY_COLOURS[area.category];
      const faded = area.id === editingAreaId;
      L.polygon(area.polygon.map(toLatLng), {
        color: colour,
        weight: faded ? 1 : 2,
        dashArray: faded ? '4 4' : undefined,
        fillColor: colour,
        fillOpacity: faded ? 0.05 : 0.15,
        // Clicks go through to the map, so a point can be picked or drawn inside an area.
        interactive: false,
        className: 'risk-area-outline',
      }).addTo(layer);
    }
    for (const place of places) {
      L.circleMarker(toLatLng(place.point), {
        radius: 8,
        color: '#ffffff',
        weight: 2,
        fillColor: place.flagged ? FLAGGED_PLACE_COLOUR : PLACE_COLOUR,
        fillOpacity: 1,
        bubblingMouseEvents: true,
      })
        .bindTooltip(textNode(place.title))
        .addTo(layer);
    }
    if (draft.length > 0) {
      const shape = draft.map(toLatLng);
      if (draft.length >= 3) {
        L.polygon(shape, {
          color: DRAFT_COLOUR,
          weight: 2,
          dashArray: '6 4',
          fillOpacity: 0.1,
          interactive: false,
          className: 'risk-area-draft',
        }).addTo(layer);
      } else {
        L.polyline(shape, { color: DRAFT_COLOUR, weight: 2, dashArray: '6 4', interactive: false }).addTo(
          layer,
        );
      }
      for (const point of shape) {
        L.circleMarker(point, {
          radius: 5,
          color: DRAFT_COLOUR,
          weight: 2,
          fillColor: '#ffffff',
          fillOpacity: 1,
          interactive: false,
        }).addTo(layer);
      }
    }
    if (picked) {
      L.circleMarker(toLatLng(picked), {
        radius: 9,
        color: DRAFT_COLOUR,
        weight: 3,
        fillColor: '#fab005',
        fillOpacity: 1,
        interactive: false,
        className: 'picked-point',
      }).addTo(layer);
    }

    // Fit the view to the areas and places once per set of them (not on every click of a drawing).
    const key = [...areas.map((a) => a.id), ...places.map((p) => p.id)].join('|');
    if (key && key !== fittedTo.current) {
      fittedTo.current = key;
      const bounds = L.latLngBounds([
        ...areas.flatMap((a) => a.polygon.map(toLatLng)),
        ...places.map((p) => toLatLng(p.point)),
      ]);
      if (bounds.isValid()) map.fitBounds(bounds, { padding: [24, 24], maxZoom: 16 });
    }
  }, [areas, places, draft, editingAreaId, picked]);

  return (
    <Box>
      <section
        ref={container}
        aria-label={label}
        className={hasTiles ? 'cope-map' : 'cope-map cope-map-blank'}
        style={{
          height,
          borderRadius: 8,
          border: '1px solid #ced4da',
          background: hasTiles ? '#e9ecef' : '#f8f9fa',
          cursor: onMapClick ? 'crosshair' : undefined,
          // Leaflet's panes use z-indexes up to 1000: keep them inside the map, under drawers and dialogs.
          isolation: 'isolate',
          zIndex: 0,
        }}
      />
      {hasTiles ? (
        config.attribution && (
          <Text size="xs" c="dark.5" mt={4}>
            {config.attribution}
          </Text>
        )
      ) : (
        <Text size="xs" c="dark.5" mt={4}>
          {t('riskAreas.map.noTiles')}
        </Text>
      )}
    </Box>
  );
}
