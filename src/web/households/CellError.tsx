/** An editable table cell with its validation message under the input. */
import type { ReactNode } from 'react';

export function CellError({ error, children }: { error?: string; children: ReactNode }) {
  return (
    <div>
      {children}
      {error && (
        <div role="alert" style={{ color: '#cf1322', fontSize: 12, lineHeight: 1.3, marginTop: 2 }}>
          {error}
        </div>
      )}
    </div>
  );
}
