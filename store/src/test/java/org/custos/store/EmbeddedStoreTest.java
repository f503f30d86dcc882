package org.custos.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on the embedded adapter. */
class EmbeddedStoreTest extends StoreContract {

    @TempDir
    Path dir;

    @Override
    Store openEmpty() {
        return Stores.embedded(dir.resolve("data"));
    }
}
