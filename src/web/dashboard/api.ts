/**
 * Dashboard and boundary API. Shapes are the server's own types (type-only imports: nothing of the
 * server reaches the bundle).
 */
import { api } from '../api/client.ts';
import type { Dashboard, DashboardRow, RateFigures, YearFigures, MovementFigures, DeprivationFigure, EthnicFigure, RankedUnit } from '../../db/dashboard/figures.ts';
import type { BoundaryLayerInfo } from '../../db/boundaries/read.ts';
import type { BoundaryImportReport } from '../../db/boundaries/import.ts';

export type { Dashboard, DashboardRow, RateFigures, YearFigures, MovementFigures, DeprivationFigure, EthnicFigure, RankedUnit, BoundaryLayerInfo, BoundaryImportReport };

/** A GeoJSON FeatureCollection of boundaries (properties: code, name, provinceCode). */
export interface BoundaryCollection {
  type: 'FeatureCollection';
  features: Array<{ type: 'Feature'; id: string; properties: { code: string; name: string; provinceCode: string }; geometry: unknown }>;
}

export interface BoundaryImportInput {
  file: File;
  layout: '2024' | '2025';
  level: 'province' | 'commune';
  property?: string;
  province?: string;
}

export const dashboardApi = {
  get: (unit: string | undefined, year: number | undefined, signal?: AbortSignal) => api.get<Dashboard>('/dashboard', { query: { unit, year }, signal }),
};

export const boundariesApi = {
  layer: (level: 'province' | 'commune', province: string | undefined, signal?: AbortSignal) =>
    api.get<BoundaryCollection>(`/boundaries/2025/${level}`, { query: { province }, signal }),
  importFile: (input: BoundaryImportInput) => {
    const form = new FormData();
    form.append('file', input.file);
    return api.post<BoundaryImportReport>('/boundaries/import', form, {
      query: { layout: input.layout, level: input.level, property: input.property, province: input.province },
    });
  },
};
