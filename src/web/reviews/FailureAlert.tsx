/** A refused transition: the server's message and, for data guards, every problem it listed. */
import { Alert } from 'antd';
import type { TransitionFailure } from './useTransition.ts';

export function FailureAlert({ failure, onClose }: { failure: TransitionFailure | null | undefined; onClose?: () => void }) {
  if (!failure) return null;
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 12 }}
      closable={onClose ? { onClose } : undefined}
      data-testid="transition-error"
      title={failure.title}
      description={
        failure.problems.length > 0 ? (
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {failure.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}
