package org.custos.simulator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decoys are the honeypot files planted on staff workstations ({@code decoy_file.csv}): a few hundred tempting
 * names such as {@code C:\Documents\Payroll\salaries_2011.xlsx}, spread over the initial staff's machines.
 */
final class Decoys {

    /** One decoy file and the workstation it sits on. */
    record Decoy(String fileName, String pc) {
    }

    private final List<Decoy> decoys = new ArrayList<>();
    private final Map<String, List<Decoy>> byPc = new HashMap<>();

    /** Places decoys on the organization's workstations. */
    static Decoys place(Organization org, Dice dice, int firstYear) {
        Decoys result = new Decoys();
        List<String> pcs = org.staffPcs();
        int count = Math.max(50, Math.min(400, pcs.size() / 2));
        for (int i = 0; i < count; i++) {
            String pc = dice.pick(pcs);
            String name = "C:\\Documents\\" + dice.pick(Lexicon.DECOY_FOLDERS) + "\\" + dice.pick(Lexicon.DECOY_NAMES)
                    + "_" + (firstYear + dice.between(-1, 1)) + "." + dice.pick(Lexicon.DECOY_EXTENSIONS);
            Decoy decoy = new Decoy(name, pc);
            result.decoys.add(decoy);
            result.byPc.computeIfAbsent(pc, k -> new ArrayList<>()).add(decoy);
        }
        return result;
    }

    /** The decoys on a workstation (empty when there are none). */
    List<Decoy> on(String pc) {
        return byPc.getOrDefault(pc, List.of());
    }

    /** Writes {@code decoy_file.csv}: header {@code decoy_filename,pc}, then one row per decoy in placement order. */
    void write(Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("decoy_filename,pc\n");
            for (Decoy decoy : decoys) {
                out.write(Csv.line(decoy.fileName(), decoy.pc()));
                out.write('\n');
            }
        }
    }
}
