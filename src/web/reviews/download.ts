/**
 * Downloads a file from the API with the session cookie: the answer is checked (an error answer becomes
 * an ApiError with the server's Vietnamese message) and saved under the server's file name.
 */
import { ApiError } from '../api/client.ts';

function fileNameOf(res: Response, fallback: string): string {
  const cd = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(cd);
  if (star) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(cd);
  return plain ? plain[1] : fallback;
}

export async function downloadFile(url: string, fallbackName: string, locale = 'vi'): Promise<string> {
  let res: Response;
  try {
    res = await fetch(url, { credentials: 'same-origin', headers: { 'Accept-Language': locale } });
  } catch {
    throw new ApiError(0, 'network', '');
  }
  if (!res.ok) {
    let code = 'unknown';
    let message = '';
    try {
      const body = (await res.json()) as { error?: { code?: string; message?: string } };
      code = body.error?.code ?? code;
      message = body.error?.message ?? '';
    } catch {
      // not JSON
    }
    throw new ApiError(res.status, code, message);
  }
  const blob = await res.blob();
  const name = fileNameOf(res, fallbackName);
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(href), 60_000);
  return name;
}
