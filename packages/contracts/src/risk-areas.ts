/**
 * Risk areas the organization marks on its map, the places recorded for her (home, training
 * venue, workplace) with their coordinates, and the map's tile settings (DOMAIN.md "Risk areas").
 * Coordinates are [longitude, latitude] pairs, as in GeoJSON.
 */
import { isValidCoordinate, PLACE_KINDS, polygonProblem, RISK_AREA_CATEGORIES } from '@cope/domain';
import { z } from 'zod';

const ZPerson = z.object({ id: z.string(), displayName: z.string() });

export const ZRiskAreaParams = z.strictObject({
  areaId: z.uuid({ message: 'This is not a valid area id.' }),
});

export const ZPlaceParams = z.strictObject({
  participantId: z.uuid({ message: 'This is not a valid participant id.' }),
  placeId: z.uuid({ message: 'This is not a valid place id.' }),
});

/** One point: longitude −180…180, latitude −90…90. */
export const ZLngLat = z
  .tuple([z.number(), z.number()], { message: 'A point is a longitude and a latitude.' })
  .refine((point) => isValidCoordinate(point), {
    message:
      'This point is not on the map: longitude must be between −180 and 180, latitude between −90 and 90.',
  });

const POLYGON_MESSAGES = {
  too_few_points: 'An area needs at least three different points.',
  invalid_coordinate:
    'A point of this area is not on the map: longitude must be between −180 and 180, latitude between −90 and 90.',
  self_intersecting:
    'The edges of this area cross each other. Draw it again so its outline does not cross itself.',
} as const;

export const ZPolygon = z
  .array(z.tuple([z.number(), z.number()]), { message: 'An area is a list of points.' })
  .max(500, { message: 'An area can have at most 500 points.' })
  .superRefine((points, ctx) => {
    const problem = polygonProblem(points);
    if (problem) ctx.addIssue({ code: 'custom', message: POLYGON_MESSAGES[problem] });
  });

export const ZRiskAreaRequest = z
  .strictObject({
    label: z
      .string()
      .trim()
      .min(2, { message: 'Give the area a short label.' })
      .max(120, { message: 'Keep the label under 120 characters.' }),
    category: z.enum(RISK_AREA_CATEGORIES, { message: 'Choose what kind of area this is.' }),
    polygon: ZPolygon,
  })
  .meta({ id: 'RiskAreaRequest' });
export type TRiskAreaRequest = z.infer<typeof ZRiskAreaRequest>;

export const ZRiskArea = z
  .object({
    id: z.string(),
    label: z.string(),
    category: z.enum(RISK_AREA_CATEGORIES),
    polygon: z.array(z.tuple([z.number(), z.number()])),
    createdBy: ZPerson,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'RiskArea' });
export type TRiskArea = z.infer<typeof ZRiskArea>;

export const ZRiskAreaList = z
  .object({
    items: z.array(ZRiskArea),
    canManage: z.boolean().meta({ description: 'Whether the viewer may draw, change and remove areas.' }),
  })
  .meta({ id: 'RiskAreaList' });
export type TRiskAreaList = z.infer<typeof ZRiskAreaList>;

/** After a save: the area, and how many current places newly fall in or near it (their cases need a reassessment). */
export const ZRiskAreaSaved = z
  .object({ area: ZRiskArea, newlyFlaggedPlaces: z.number().int() })
  .meta({ id: 'RiskAreaSaved' });
export type TRiskAreaSaved = z.infer<typeof ZRiskAreaSaved>;

/** The map's background tiles; an empty URL means no tiles (areas and markers still work). */
export const ZMapConfig = z
  .object({
    tileUrl: z.string().meta({ description: 'A {z}/{x}/{y} template, or empty for no background tiles.' }),
    attribution: z.string(),
    center: z
      .tuple([z.number(), z.number()])
      .meta({ description: '[longitude, latitude] the map opens on.' }),
    zoom: z.number().int(),
  })
  .meta({ id: 'MapConfig' });
export type TMapConfig = z.infer<typeof ZMapConfig>;

export const ZPlaceRequest = z
  .strictObject({
    kind: z.enum(PLACE_KINDS, { message: 'Choose what kind of place this is.' }),
    label: z
      .string()
      .trim()
      .min(2, { message: 'Write the address or a short description of the place.' })
      .max(300, { message: 'Keep the address under 300 characters.' }),
    point: ZLngLat,
  })
  .meta({ id: 'PlaceRequest' });
export type TPlaceRequest = z.infer<typeof ZPlaceRequest>;

export const ZAreaHit = z.object({
  areaId: z.string(),
  label: z.string().nullable().meta({ description: 'Null when the area was removed since.' }),
  inside: z.boolean(),
  distanceMeters: z.number(),
});

export const ZPlace = z
  .object({
    id: z.string(),
    kind: z.enum(PLACE_KINDS),
    label: z.string().nullable().meta({ description: 'Null for viewers who may not see her addresses.' }),
    point: z.tuple([z.number(), z.number()]).nullable(),
    areaHits: z.array(ZAreaHit),
    recordedBy: ZPerson,
    createdAt: z.string(),
    endedAt: z.string().nullable(),
  })
  .meta({ id: 'Place' });
export type TPlace = z.infer<typeof ZPlace>;

export const ZPlaceList = z
  .object({
    items: z.array(ZPlace),
    /** Whether this viewer sees addresses and points (her identity in full); the others see kinds and flags. */
    addressesVisible: z.boolean(),
    /** Whether this viewer may record a place for her and end one; the server checks again. */
    canRecord: z.boolean(),
  })
  .meta({ id: 'PlaceList' });
export type TPlaceList = z.infer<typeof ZPlaceList>;
