package org.custos.cli.material;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.custos.ingest.CertDirectory;
import org.custos.ingest.DeadLetters;
import org.custos.material.assess.Assessment;
import org.custos.material.assess.FileAssessment;
import org.custos.material.assess.Match;
import org.custos.material.exposure.ExposureRegister;
import org.custos.material.registry.ItemSummary;

/**
 * CandidateSources are the people who had access to every registered item an assessment found: granted the item's
 * project in a directory snapshot, or handling a file of the item's name in their file events or attachments.
 * They are leads for an investigator, never a finding.
 *
 * @param byFile per assessed file with matches, the candidate sources for that file's items
 * @param overall the people who had access to every item matched in any file
 * @param reasons for each candidate, how they had access to each item
 */
record CandidateSources(Map<String, List<String>> byFile, List<String> overall,
        Map<String, Map<String, String>> reasons) {

    /** Works out the candidate sources of an assessment from the activity logs in {@code input}. */
    static CandidateSources of(Path input, List<ItemSummary> registered, Assessment assessment) throws IOException {
        Map<String, ItemSummary> byId = new LinkedHashMap<>();
        registered.forEach(i -> byId.put(i.id(), i));
        Set<String> matchedIds = new TreeSet<>();
        assessment.files().forEach(f -> f.matches().forEach(m -> matchedIds.add(m.item())));
        List<ItemSummary> matched = matchedIds.stream().map(byId::get).filter(i -> i != null).toList();
        ExposureRegister register;
        try (CertDirectory dir = CertDirectory.open(input, DeadLetters.discard())) {
            register = ExposureRegister.read(dir.organization(), dir::forEachEvent, matched, user -> true);
        }
        Map<String, Map<String, String>> access = new TreeMap<>();
        for (ItemSummary item : matched) {
            Map<String, String> people = new TreeMap<>();
            if (!item.project().isEmpty()) {
                for (ExposureRegister.Grant g : register.grantsOf(item.project())) {
                    people.put(g.user(), "granted " + g.project() + " " + g.first() + ".." + g.last());
                }
            }
            for (ExposureRegister.Touch t : register.touches()) {
                if (t.item().id().equals(item.id())) {
                    people.merge(t.user(), "handled " + item.name() + " (" + t.fileEvents() + " file events, "
                            + t.attachments() + " attachments)", (a, b) -> a + "; " + b);
                }
            }
            access.put(item.id(), people);
        }
        Map<String, List<String>> byFile = new LinkedHashMap<>();
        Set<String> overall = null;
        for (FileAssessment f : assessment.files()) {
            if (f.matches().isEmpty()) {
                continue;
            }
            Set<String> common = null;
            for (Match m : f.matches()) {
                Set<String> who = access.getOrDefault(m.item(), Map.of()).keySet();
                common = common == null ? new TreeSet<>(who) : retain(common, who);
                overall = overall == null ? new TreeSet<>(who) : retain(overall, who);
            }
            byFile.put(f.path(), List.copyOf(common));
        }
        Map<String, Map<String, String>> reasons = new TreeMap<>();
        for (Map.Entry<String, Map<String, String>> e : access.entrySet()) {
            for (Map.Entry<String, String> p : e.getValue().entrySet()) {
                String departed = register.departure(p.getKey()).map(d -> "; left " + d).orElse("");
                reasons.computeIfAbsent(p.getKey(), k -> new TreeMap<>()).put(e.getKey(), p.getValue() + departed);
            }
        }
        return new CandidateSources(byFile, overall == null ? List.of() : new ArrayList<>(overall), reasons);
    }

    private static Set<String> retain(Set<String> into, Set<String> keep) {
        into.retainAll(keep);
        return into;
    }
}
