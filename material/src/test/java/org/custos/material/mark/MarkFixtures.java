package org.custos.material.mark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.custos.material.registry.ItemSummary;
import org.custos.material.registry.RegisteredItem;

/** Shared inputs for the marking and tracing tests: a key and a registered item with ordinary English prose. */
public final class MarkFixtures {

    /** A fixed key. */
    public static final MarkKey KEY = MarkKey.of("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

    /** About 700 words of procedure text, written for these tests. */
    public static final String TEXT = """
            Handling of Controlled Documents at the Northern Laboratory

            This procedure describes how the registry issues, tracks and recovers controlled documents, and it \
            applies to every member of staff who handles them. Documents are usually kept in the central registry, \
            and they are only released to people whose project grant covers them. The registry clerk will verify \
            the grant before each release, and the clerk will record the purpose of the request.

            Therefore, a person who needs a document for a meeting should ask the registry at least one day in \
            advance. The clerk will examine the request, confirm the project and prepare a marked copy. Originals \
            are rarely released, because copies are almost always sufficient for the work. When an original is \
            released, it must be returned before the end of the working day, and the clerk will inspect it for \
            missing pages.

            Furthermore, nobody may take a controlled document home. If work must continue in the evening, the \
            document stays in the secure room, which is open until nine o'clock. Staff members often forget this \
            rule during busy periods, so the security office regularly reminds them of it. Copies that are no \
            longer needed are returned to the registry and destroyed, and the destruction is recorded in the ledger.

            Each department appoints a custodian who is responsible for the documents its staff hold. The \
            custodian assesses the holdings every month and reports any discrepancy to the security office \
            immediately. In most cases the discrepancy is simply a late return, but it may also indicate a lost \
            document. A lost document is treated as a security incident, and the investigation begins at once.

            In the course of an investigation, the security office may obtain the access records of the secure \
            room, the registry's ledger and the badge records of the building. These records are normally kept for \
            five years, although some of them are kept longer. The office will analyse them carefully and will \
            interview the people who held the document, the custodian and the clerk.

            Marked copies carry the name of their recipient in several forms. The recipient is therefore \
            responsible for the copy, whether it is kept in a safe, carried to a meeting or left on a desk. Copies \
            must not be photographed, scanned or retyped, and they must not be taken out of the building. A copy \
            that is found outside the laboratory can be traced to its recipient, even when it has been modified.

            Generally, the registry prefers electronic copies, since they can be withdrawn remotely. However, some \
            partners cannot accept electronic copies, and for them the registry prints paper copies on request. \
            Paper copies are numbered, and each page carries the copy number in the margin.

            Visitors are never given controlled documents. A visitor who needs to see a document must be \
            accompanied by a member of staff, and the document stays in the secure room for the whole visit. The \
            member of staff signs the visitor book and records the document numbers, the time of arrival and the \
            time of departure.

            Finally, every member of staff attends a short training course on the handling of controlled \
            documents. The course is repeated every year, and attendance is recorded by the training office. New \
            staff members attend the course before they receive their first grant, and the registry will not \
            release a document to anyone who has not completed it.

            Questions about this procedure should be addressed to the registry or to the security office, which \
            maintains it and reviews it every year. Proposals for changes are welcome, and they are normally \
            discussed at the next quarterly meeting of the custodians, where the final decision is made.
            """;

    /** The item holding {@link #TEXT}. */
    public static final RegisteredItem ITEM = item("a1b2c3d4e5f6", "handling-procedure.txt", TEXT);

    private MarkFixtures() {
    }

    /** A registered item with a text. */
    public static RegisteredItem item(String id, String name, String text) {
        return new RegisteredItem(new ItemSummary(id, name, name, "confidential", "aurora", "li",
                text.codePointCount(0, text.length())), id + "0".repeat(52), "prc", "text", 7, 15, text,
                new long[0], new int[0]);
    }

    /**
     * The property of the canary rules on made-up text: a text of 10 to 80 pieces drawn at random (from the seed)
     * from {@code pieces}, and its copy choosing variant {@code (site + salt) mod n} at every site: the copy has the
     * text's canonical tokens, and reading it gives back the variant chosen at each site.
     */
    public static void assertACopyOfARandomMixKeepsItsTokensAndReadsBackItsChoices(String[] pieces, long seed,
            int salt) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder b = new StringBuilder();
        for (int k = random.nextInt(10, 80); k > 0; k--) {
            b.append(pieces[random.nextInt(pieces.length)]);
        }
        String text = b.toString();
        Canary canary = Canary.of(text);

        String copy = canary.render((site, n) -> (site + salt) % n);

        assertThat(canary.canonical(copy)).as("%s%n->%n%s", text, copy).isEqualTo(canary.canonical(text));
        assertThat(canary.read(copy).observed()).as("%s%n->%n%s", text, copy).allSatisfy(o ->
                assertThat(o.variant()).isEqualTo((o.site() + salt) % o.variants()));
    }
}
