package org.custos.cli.audit;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** DataOption is the {@code --data DIR} option every command that reads or writes Custos' own data takes. */
final class DataOption {

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "${env:CUSTOS_DATA:-custos-data}",
            description = "Custos' data directory. Default: $CUSTOS_DATA, else ./custos-data.")
    Path dir;
}
