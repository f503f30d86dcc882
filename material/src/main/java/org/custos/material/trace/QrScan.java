package org.custos.material.trace;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /** The decoded texts of the QR codes found; {@code enough} ends the search early. */
    static Set<String> scan(BufferedImage image, boolean thorough, Predicate<Set<String>> enough) {
        Set<String> found = new LinkedHashSet<>();
        LuminanceSource source = new BufferedImageLuminanceSource(image);
        multi(new BinaryBitmap(new HybridBinarizer(source)), found);
        if (!thorough || enough.test(found)) {
            return found;
        }
        multi(new BinaryBitmap(new GlobalHistogramBinarizer(source)), found);
        if (enough.test(found)) {
            return found;
        }
        tiled(new BinaryBitmap(new HybridBinarizer(source)), found);
        if (enough.test(found)) {
            return found;
        }
        for (double scale : new double[] {0.5, 1.5, 0.75}) {
            LuminanceSource scaled = new BufferedImageLuminanceSource(scale(image, scale));
            multi(new BinaryBitmap(new HybridBinarizer(scaled)), found);
            if (enough.test(found)) {
                return found;
            }
            multi(new BinaryBitmap(new GlobalHistogramBinarizer(scaled)), found);
            if (enough.test(found)) {
                return found;
            }
        }
        return found;
    }

    private static void multi(BinaryBitmap bitmap, Set<String> found) {
        try {
            for (Result r : new QRCodeMultiReader().decodeMultiple(bitmap, HINTS)) {
                found.add(r.getText());
            }
        } catch (NotFoundException e) {
            // nothing in this pass
        } catch (RuntimeException e) {
            // ZXing may fail inside a pass on a damaged code; the other passes still run
        }
    }

    private static void tiled(BinaryBitmap bitmap, Set<String> found) {
        try {
            for (Result r : new GenericMultipleBarcodeReader(new QRCodeReader()).decodeMultiple(bitmap, HINTS)) {
                found.add(r.getText());
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
