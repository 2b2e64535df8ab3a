/** A download button's state: which one is running, and the message when it ends. */
import { useState } from 'react';
import { App } from 'antd';
import { useI18n } from '../i18n/useI18n.ts';
import { errorMessage } from '../i18n/errorMessage.ts';
import { downloadFile } from '../reviews/download.ts';

export function useDownload() {
  const i18n = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const run = async (key: string, url: string, fallbackName: string) => {
    setBusy(key);
    try {
      const name = await downloadFile(url, fallbackName, i18n.locale);
      message.success(i18n.t('exports.downloaded', { name }));
    } catch (err) {
      message.error(errorMessage(err, i18n));
    } finally {
      setBusy(null);
    }
  };
  return { busy, run };
}
