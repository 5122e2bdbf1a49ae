import type { ThemeConfig } from 'antd';

/** A restrained office look: the Party red as the accent, Be Vietnam Pro for Vietnamese text. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#b71c1c',
    colorLink: '#b71c1c',
    borderRadius: 6,
    fontFamily: "'Be Vietnam Pro', 'Segoe UI', Arial, sans-serif",
    fontSize: 14,
  },
  components: {
    Layout: { siderBg: '#ffffff', headerBg: '#ffffff', bodyBg: '#f5f5f4' },
    Menu: { itemSelectedBg: '#fdecea', itemSelectedColor: '#b71c1c' },
  },
};
