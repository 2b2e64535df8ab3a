/** Information assets: the household has none of `informationDevices` (QĐ 59: and cannot hear the loudspeaker). */
import { INFORMATION_DEVICE_LABELS } from '../../standards/fact-codes.ts';
import { missingHouseholdFact } from '../evaluation-context.ts';
import { ClassificationInputError } from '../input-error.ts';
import type { IndicatorEvaluation } from '../result.ts';
import type { IndicatorCompiler } from './evaluator.ts';
import { fixedOutcome, joinVi } from './evaluator.ts';

export const compileInformationAssets: IndicatorCompiler = (standard, def) => {
  const p = standard.parameters;
  const known = new Set<string>(Object.keys(INFORMATION_DEVICE_LABELS));
  const has = new Map<string, IndicatorEvaluation>();
  for (const d of p.informationDevices) has.set(d, fixedOutcome(def, false, `Hộ có ${INFORMATION_DEVICE_LABELS[d]}`));
  const loudspeaker = fixedOutcome(def, false, 'Hộ nghe được hệ thống loa truyền thanh của xã, thôn');
  const names = joinVi(p.informationDevices.map((d) => INFORMATION_DEVICE_LABELS[d]));
  const none = fixedOutcome(def, true, p.informationCountsLoudspeaker
    ? `Hộ không có ${names} và không nghe được loa truyền thanh của xã, thôn`
    : `Hộ không có phương tiện nào trong số: ${names}`);
  return (h) => {
    const devices = h.informationDevices;
    if (devices === undefined) throw missingHouseholdFact('informationDevices', 'danh sách phương tiện tiếp cận thông tin', def.label);
    for (let i = 0; i < devices.length; i++) {
      const d = devices[i];
      const outcome = has.get(d);
      if (outcome !== undefined) return outcome;
      if (!known.has(d)) throw new ClassificationInputError(`Phương tiện "${d}" không hợp lệ`);
    }
    if (p.informationCountsLoudspeaker) {
      if (h.hearsLoudspeaker === undefined) throw missingHouseholdFact('hearsLoudspeaker', 'nghe được loa truyền thanh', def.label);
      if (h.hearsLoudspeaker) return loudspeaker;
    }
    return none;
  };
};
