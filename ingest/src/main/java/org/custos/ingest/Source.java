package org.custos.ingest;

import java.nio.file.Path;

/**
 * A Source is an activity file found when a directory was opened, with the layout its header showed.
 *
 * @param path where the file is
 * @param layout its layout (and so its feed and release)
 * @param bytes its size when opened
 */
record Source(Path path, Layout layout, long bytes) {

    /** The file's name in messages and statistics. */
    String name() {
        return layout.feed().fileName();
    }
}
