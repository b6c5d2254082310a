/**
 * Surface of a boundary on the WGS84 ellipsoid, for population density. @turf/area integrates on a
 * sphere (radius 6,371,008.8 m), which at 19° N overstates a surface by about 0.3 %; mapping each
 * latitude to its authalic latitude first makes that sphere equal-area to the ellipsoid (the authalic
 * sphere, radius Rq), so the same integral gives the ellipsoidal area (Snyder, "Map projections — a
 * working manual", 1987, eqs. 3-11 to 3-13).
 */
import { area } from '@turf/area';
import type { PolygonGeometry } from '../../domain/geography.ts';

const A = 6_378_137; // WGS84 semi-major axis (m)
const F = 1 / 298.257223563; // WGS84 flattening
const E2 = F * (2 - F);
const E = Math.sqrt(E2);
/** Turf's sphere radius (@turf/helpers earthRadius). */
const TURF_RADIUS = 6_371_008.8;

const q = (sinPhi: number) =>
  (1 - E2) * (sinPhi / (1 - E2 * sinPhi * sinPhi) - Math.log((1 - E * sinPhi) / (1 + E * sinPhi)) / (2 * E));
const QP = q(1);
/** Radius of the sphere with the ellipsoid's surface. */
const RQ = A * Math.sqrt(QP / 2);
const SCALE = (RQ / TURF_RADIUS) ** 2;

/** Authalic latitude (degrees) of a geodetic latitude (degrees). */
export function authalicLatitude(lat: number): number {
  const ratio = Math.min(1, Math.max(-1, q(Math.sin((lat * Math.PI) / 180)) / QP));
  return (Math.asin(ratio) * 180) / Math.PI;
}

const toAuthalic = (ring: number[][]) => ring.map(([lon, lat]) => [lon!, authalicLatitude(lat!)]);

/** Area in km² of a WGS84 (Multi)Polygon on the WGS84 ellipsoid (holes subtracted). */
export function ellipsoidalAreaKm2(geometry: PolygonGeometry): number {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const authalic = {
    type: 'MultiPolygon' as const,
    coordinates: polygons.map((rings) => rings.map((r) => toAuthalic(r as number[][]))),
  };
  return (area(authalic) * SCALE) / 1e6;
}
