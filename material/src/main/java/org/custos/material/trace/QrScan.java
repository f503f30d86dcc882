package org.custos.material.trace;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.ResultPoint;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.GenericMultipleBarcodeReader;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.EnumMap;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * QrScan finds every QR code in an image with ZXing: first the whole image with the hybrid (local threshold)
 * binarizer, then, while nothing useful was found, the global-histogram binarizer, the image split in tiles
 * (ZXing's multiple-barcode reader), and the image scaled to 50 % and 150 % (blur and resolution favour different
 * scales). It stops as soon as a pass finds what the caller wants.
 */
final class QrScan {

    private static final Map<DecodeHintType, Object> HINTS = new EnumMap<>(DecodeHintType.class);

    static {
        HINTS.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        HINTS.put(DecodeHintType.POSSIBLE_FORMATS, List.of(com.google.zxing.BarcodeFormat.QR_CODE));
    }

    private QrScan() {
    }

    /**
     * The decoded texts of the QR codes found, one entry per code (codes with the same text at different places are
     * counted apart); {@code enough} ends the search early.
     */
    static List<String> scan(BufferedImage image, boolean thorough, Predicate<Collection<String>> enough) {
        Found found = new Found();
        scanInto(image, thorough, enough, found);
        return List.copyOf(found.values());
    }

    /** Codes found so far, keyed by text and rough position in the original image. */
    private static final class Found extends LinkedHashMap<String, String> {
        private static final long serialVersionUID = 1L;
        private double scale = 1;
        private int cell = 1;

        void add(Result r) {
            ResultPoint[] points = r.getResultPoints();
            double x = 0;
            double y = 0;
            for (ResultPoint p : points == null ? new ResultPoint[0] : points) {
                x += p.getX();
                y += p.getY();
            }
            int n = points == null || points.length == 0 ? 1 : points.length;
            long gx = Math.round(x / n / scale / cell);
            long gy = Math.round(y / n / scale / cell);
            for (long dx = -1; dx <= 1; dx++) {
                for (long dy = -1; dy <= 1; dy++) {
                    if (containsKey(r.getText() + "@" + (gx + dx) + "," + (gy + dy))) {
                        return;
                    }
                }
            }
            put(r.getText() + "@" + gx + "," + gy, r.getText());
        }
    }

    private static void scanInto(BufferedImage image, boolean thorough, Predicate<Collection<String>> enough,
            Found found) {
        found.cell = Math.max(8, Math.min(image.getWidth(), image.getHeight()) / 12);
        LuminanceSource source = new BufferedImageLuminanceSource(image);
        multi(new BinaryBitmap(new HybridBinarizer(source)), found);
        if (!thorough || enough.test(found.values())) {
            return;
        }
        multi(new BinaryBitmap(new GlobalHistogramBinarizer(source)), found);
        if (enough.test(found.values())) {
            found.scale = 1;
            return;
        }
        tiled(new BinaryBitmap(new HybridBinarizer(source)), found);
        if (enough.test(found.values())) {
            found.scale = 1;
            return;
        }
        for (double scale : new double[] {0.5, 1.5, 0.75}) {
            found.scale = scale;
            LuminanceSource scaled = new BufferedImageLuminanceSource(scale(image, scale));
            multi(new BinaryBitmap(new HybridBinarizer(scaled)), found);
            if (enough.test(found.values())) {
                found.scale = 1;
                return;
            }
            multi(new BinaryBitmap(new GlobalHistogramBinarizer(scaled)), found);
            if (enough.test(found.values())) {
                found.scale = 1;
                return;
            }
        }
        found.scale = 1;
    }

    private static void multi(BinaryBitmap bitmap, Found found) {
        try {
            for (Result r : new QRCodeMultiReader().decodeMultiple(bitmap, HINTS)) {
                found.add(r);
            }
        } catch (NotFoundException e) {
            // nothing in this pass
        } catch (RuntimeException e) {
            // ZXing may fail inside a pass on a damaged code; the other passes still run
        }
    }

    private static void tiled(BinaryBitmap bitmap, Found found) {
        try {
            for (Result r : new GenericMultipleBarcodeReader(new QRCodeReader()).decodeMultiple(bitmap, HINTS)) {
                found.add(r);
            }
        } catch (NotFoundException e) {
            // nothing in this pass
        } catch (RuntimeException e) {
            // as above
        }
    }

    private static BufferedImage scale(BufferedImage image, double factor) {
        int w = Math.max(1, (int) Math.round(image.getWidth() * factor));
        int h = Math.max(1, (int) Math.round(image.getHeight() * factor));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, w, h, null);
        g.dispose();
        return out;
    }
}
