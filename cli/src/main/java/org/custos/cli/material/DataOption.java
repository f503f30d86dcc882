package org.custos.cli.material;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** DataOption is the {@code --data DIR} option every command that reads or writes Custos' own data takes. */
public final class DataOption {

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "${env:CUSTOS_DATA:-custos-data}",
            description = "Custos' data directory. Default: $CUSTOS_DATA, else ./custos-data.")
    public Path dir;
}
