/** A vertical, small form with tight spacing, for data-entry cards (labels above, 8 px between rows). */
import type { ReactNode } from 'react';
import { ConfigProvider, Form } from 'antd';

const DENSE = { components: { Form: { itemMarginBottom: 8, verticalLabelPadding: '0 0 2px', labelFontSize: 13 } } };

export function DenseForm({ children }: { children: ReactNode }) {
  return (
    <ConfigProvider theme={DENSE}>
      <Form layout="vertical" size="small" component="div">
        {children}
      </Form>
    </ConfigProvider>
  );
}
