import { useEffect, useState } from 'react';
import QRCode from 'qrcode';
import { useI18n } from '../../i18n/context';

/**
 * The EPC069-12 QR code of the transfer, drawn in the page from the text the server composed
 * (the server owns the account and the field order; the page only draws). Error correction M, as
 * the guideline asks. The image carries the transfer's details as its text alternative, and the
 * same details stand as text above it, so nobody needs the picture to pay.
 */
export function PaymentQr({ payload, alt }: { payload: string; alt: string }) {
  const { t } = useI18n();
  const [svg, setSvg] = useState<string | undefined>(undefined);
  useEffect(() => {
    let live = true;
    QRCode.toString(payload, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 })
      .then((drawn) => {
        if (live) setSvg(drawn);
      })
      .catch(() => {
        if (live) setSvg(undefined);
      });
    return () => {
      live = false;
    };
  }, [payload]);
  return (
    <figure className="payment-qr" aria-labelledby="payment-qr-title">
      <h2 id="payment-qr-title">{t('fee.qr.title')}</h2>
      {svg && (
        <img
          src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`}
          alt={alt}
          width={200}
          height={200}
        />
      )}
      <figcaption className="hint">{t('fee.qr.hint')}</figcaption>
    </figure>
  );
}
