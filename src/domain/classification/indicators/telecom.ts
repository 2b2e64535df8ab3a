/** Telecom: no member uses internet services (QĐ 59: nor a telephone subscription). */
import { missingHouseholdFact } from '../evaluation-context.ts';
import type { IndicatorCompiler } from './evaluator.ts';
import { fixedOutcome } from './evaluator.ts';

export const compileTelecom: IndicatorCompiler = (standard, def) => {
  const countsPhone = standard.parameters.telecomCountsTelephone;
  const internet = fixedOutcome(def, false, 'Hộ có thành viên sử dụng dịch vụ internet');
  const phone = fixedOutcome(def, false, 'Hộ có thành viên sử dụng thuê bao điện thoại');
  const none = fixedOutcome(def, true, countsPhone
    ? 'Không thành viên nào sử dụng thuê bao điện thoại hoặc dịch vụ internet'
    : 'Không thành viên nào sử dụng dịch vụ internet');
  return (h) => {
    if (h.usesInternet === undefined) throw missingHouseholdFact('usesInternet', 'có thành viên sử dụng internet', def.label);
    if (h.usesInternet) return internet;
    if (countsPhone) {
      if (h.usesTelephone === undefined) throw missingHouseholdFact('usesTelephone', 'có thuê bao điện thoại', def.label);
      if (h.usesTelephone) return phone;
    }
    return none;
  };
};
