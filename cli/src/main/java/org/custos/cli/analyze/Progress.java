package org.custos.cli.analyze;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress draws a progress bar on a terminal while input is read: bytes read, events per second and time left.
 * It draws nothing when standard output is not a terminal.
 */
final class Progress implements AutoCloseable {

    private final ProgressBar bar;
    private final ScheduledExecutorService ticker;

    private Progress(ProgressBar bar, ScheduledExecutorService ticker) {
        this.bar = bar;
        this.ticker = ticker;
    }

    /** Starts a bar over {@code totalBytes}, or a silent one when {@code show} is false or there is no terminal. */
    static Progress start(boolean show, long totalBytes, LongSupplier bytesRead, LongSupplier events) {
        if (!show || System.console() == null || totalBytes <= 0) {
            return new Progress(null, null);
        }
        ProgressBar bar = new ProgressBarBuilder().setTaskName("analyze").setInitialMax(totalBytes)
                .setUnit(" MiB", 1L << 20).setStyle(ProgressBarStyle.ASCII).showSpeed().setUpdateIntervalMillis(250)
                .build();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "progress");
            t.setDaemon(true);
            return t;
        });
        long started = System.nanoTime();
        ticker.scheduleAtFixedRate(() -> {
            bar.stepTo(Math.min(totalBytes, bytesRead.getAsLong()));
            double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
            bar.setExtraMessage(String.format(java.util.Locale.ROOT, " %,.0f events/s", events.getAsLong() / seconds));
        }, 250, 250, TimeUnit.MILLISECONDS);
        return new Progress(bar, ticker);
    }

    @Override
    public void close() {
        if (ticker != null) {
            ticker.shutdownNow();
            bar.stepTo(bar.getMax());
            bar.close();
        }
    }
}
