/** Ant Design theme: restrained, dense, government-system blue. */
import type { ThemeConfig } from 'antd';

export const BRAND_BLUE = '#0b4a8b';
export const HEADER_BG = '#08345f';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: BRAND_BLUE,
    colorLink: BRAND_BLUE,
    borderRadius: 4,
    fontSize: 14,
    fontFamily:
      '-apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", "DejaVu Sans", sans-serif',
  },
  components: {
    Layout: { headerBg: HEADER_BG, headerHeight: 56, headerPadding: '0 20px', siderBg: '#ffffff', bodyBg: '#f0f2f5' },
    Table: { headerBg: '#f3f5f8', cellPaddingBlockSM: 6 },
    Menu: { itemBorderRadius: 2, itemSelectedBg: '#e1ebf6', itemSelectedColor: BRAND_BLUE, itemHoverBg: '#f0f4f9' },
    Tree: { nodeSelectedBg: '#d6e4f3', nodeHoverBg: '#eef3f9' },
  },
};
