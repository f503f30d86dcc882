package org.custos.material.mark;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A QrPayload is what the 2-D code on a marked page says: {@code CUSTOS:} + the copy id + {@code :} + a 50-bit MAC
 * of the id under the installation's {@link MarkKey}, 26 characters in QR alphanumeric mode, encoded as a QR code
 * of version 3 with error correction level H (about 30 % of the code may be lost).
 *
 * @param copyId the copy id read
 * @param mac the MAC read
 */
public record QrPayload(String copyId, String mac) {

    /** The prefix every Custos payload starts with. */
    public static final String PREFIX = "CUSTOS:";
    private static final Pattern FORM = Pattern.compile("CUSTOS:([0-9A-Z]{8}):([0-9A-Z]{10})");

    /** The payload of a copy. */
    static QrPayload of(MarkKey key, String copyId) {
        return new QrPayload(copyId, key.qrMac(copyId));
    }

    /** The text encoded. */
    public String text() {
        return PREFIX + copyId + ":" + mac;
    }

    /** True when the MAC is the one the key gives the copy id. */
    public boolean signedBy(MarkKey key) {
        return key.qrMac(copyId).equals(mac);
    }

    /** Parses decoded QR text; empty when it is not in the Custos form. */
    public static Optional<QrPayload> parse(String decoded) {
        Matcher m = FORM.matcher(decoded.trim());
        return m.matches() ? Optional.of(new QrPayload(m.group(1), m.group(2))) : Optional.empty();
    }

    /** The QR modules of this payload, without a quiet zone. */
    BitMatrix matrix() {
        try {
            return new QRCodeWriter().encode(text(), BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.H, EncodeHintType.MARGIN, 0));
        } catch (WriterException e) {
            throw new IllegalStateException("cannot encode QR payload: " + e.getMessage(), e);
        }
    }
}
