/** Verdict of a target as a coloured tag. */
import { Tag, Tooltip } from 'antd';
import { useI18n } from '../i18n/useI18n.ts';
import type { JudgementText } from '../../domain/program/projection.ts';

export const STATUS_COLORS = { on_track: 'success', at_risk: 'warning', off_track: 'error', no_data: 'default' } as const;

export function ProgramStatusTag({ judgement }: { judgement: JudgementText }) {
  const { t } = useI18n();
  return (
    <Tooltip title={judgement.explanation}>
      <Tag color={STATUS_COLORS[judgement.status]} data-testid={`target-status-${judgement.status}`}>
        {t(`program.status.${judgement.status}`)}
      </Tag>
    </Tooltip>
  );
}
