package org.custos.cli.casework;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** CaseOptions are the options every {@code custos case} command takes: where the data is and who acts. */
final class CaseOptions {

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "${env:CUSTOS_DATA:-custos-data}",
            description = "Custos' data directory. Default: $CUSTOS_DATA, else ./custos-data.")
    Path data;

    @Option(names = "--as", paramLabel = "ACCOUNT",
            description = "The Custos account to act as; its role decides what is allowed. "
                    + "Default: $CUSTOS_USER, else the operating-system user name.")
    String as;

    @Option(names = "--verbose", description = "Show stack traces on failure.")
    boolean verbose;
}
